using System.Net;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules (contrast, labels, names, structure) on each view, with data on it.</summary>
public sealed class AccessibilityTests(BrowserApp browser)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
    };

    [Fact]
    public async Task every_view_passes_the_automated_wcag_21_aa_checks()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await rated.SnapshotAsync("before-workshop");
        var session = await rated.Facilitator.PostJsonAsync("/api/sessions", new { assessmentId = rated.Assessment.Id, title = "Workshop" }, HttpStatusCode.Created);
        await rated.Facilitator.PostJsonAsync($"/api/sessions/{session.Get<Guid>("id")}/rounds",
            new { areaId = rated.Assessment.Areas["IT"], blind = true }, HttpStatusCode.Created);
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        var page = facilitator.Page;
        var id = rated.Assessment.Id;

        await ExpectNoViolationsAsync(page, "assessments");
        foreach (var view in new[] { "", "history", "replay", "compare", "agreement" })
        {
            await facilitator.OpenBoardAsync(id, view);
            await Expect(page.Locator("[role=status]:has-text('Loading')")).ToHaveCountAsync(0);
            await ExpectNoViolationsAsync(page, view.Length == 0 ? "board" : view);
        }

        await facilitator.OpenBoardAsync(id);
        await facilitator.Row("Payroll").Locator("[data-rate=similarity]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await ExpectNoViolationsAsync(page, "rating dialog");
    }

    private static async Task ExpectNoViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe(WcagAa);
        var found = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        found.ShouldBeEmpty($"axe found WCAG A/AA violations on the {view} view");
    }
}
