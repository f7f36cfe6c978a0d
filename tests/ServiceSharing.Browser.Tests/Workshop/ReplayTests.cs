using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Seed;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class ReplayTests(BrowserApp browser)
{
    [Fact]
    public async Task the_scrubber_at_phase_1_shows_the_studys_phase_one_table_read_only_and_plays_forward_step_by_step()
    {
        await using var observer = await browser.JoinAsync("Olive Observer", "wpf", "observer");
        await observer.OpenBoardAsync(MilwaukeeStudy.AssessmentId, "replay");
        var page = observer.Page;

        await page.Locator(".marks [data-snapshot=\"phase-1\"]").ClickAsync();
        await Expect(page.Locator("[data-scrubber]")).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("snapshot “phase-1”"));

        var rows = page.Locator("table.board tbody tr");
        await Expect(rows).ToHaveCountAsync(MilwaukeeStudy.InitialAssessment.Count);
        for (var i = 0; i < MilwaukeeStudy.InitialAssessment.Count; i++)
        {
            var (area, verdict, nextSteps) = MilwaukeeStudy.InitialAssessment[i];
            var row = rows.Nth(i);
            await Expect(row.Locator(".area-name")).ToHaveTextAsync(area);
            await Expect(row.Locator("td[data-column=overall] .verdict")).ToHaveTextAsync(verdict.ToString());
            await Expect(row.Locator("td[data-column=nextSteps]")).ToHaveTextAsync(nextSteps ?? "");
        }

        // Read-only: no rating or verdict controls; the priorities came after Phase I.
        await Expect(page.Locator("table.board button")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.board .priority")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "replay-phase-1");

        // One step forward: the first priority of the December meeting (Central Payroll).
        await page.Locator("[data-step=forward]").ClickAsync();
        await Expect(observer.Row("Payroll").Locator(".priority")).ToContainTextAsync("Central Payroll");
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(MilwaukeeStudy.InitialAssessment.Count);
        await Expect(page.Locator(".scrub-caption")).ToContainTextAsync("marked Payroll as a priority");

        // Playing on reaches the latest version: Wellness and Mowing are areas of their own by then.
        await page.Locator("[data-play]").ClickAsync();
        await Expect(page.Locator("table.board tr[data-area=Mowing]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-play]")).ToHaveTextAsync("▶ Play");
        await Expect(page.Locator(".page-head [data-status]")).ToHaveTextAsync("On hold");
    }
}
