using System.Text.RegularExpressions;
using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Seed;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed partial class PrintReportTests(BrowserApp browser)
{
    [Fact]
    public async Task the_print_stylesheet_makes_the_study_board_a_one_page_report_without_controls()
    {
        await using var observer = await browser.JoinAsync("Olive Observer", "wpf", "observer");
        await observer.OpenBoardAsync(MilwaukeeStudy.AssessmentId);
        var page = observer.Page;
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(12);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".side")).ToBeHiddenAsync();
        await Expect(page.Locator(".tabs")).ToBeHiddenAsync();
        await Expect(page.Locator("table.board")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "print-report");

        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Path = Path.Combine(Screenshots.OutputFolder, "board-report.pdf") });
        PageObject().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count.ShouldBe(1, "the board fits one page");
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
