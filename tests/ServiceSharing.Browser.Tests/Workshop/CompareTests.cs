using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class CompareTests(BrowserApp browser)
{
    [Fact]
    public async Task comparing_a_snapshot_with_now_marks_the_changed_cells_with_their_changes_and_rationales()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await rated.SnapshotAsync("before-workshop");
        var url = rated.Assessment.Url;
        await rated.Facilitator.PostJsonAsync($"{url}/ratings", new { areaId = rated.Assessment.Areas["IT"], factor = "centralization", score = 4, rationale = "One help desk for both" });
        await rated.Facilitator.PostJsonAsync($"{url}/verdicts", new { areaId = rated.Assessment.Areas["IT"], verdict = "Yes", rationale = "The help desk case convinced the panel" });

        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        var page = facilitator.Page;
        var latest = (await rated.Facilitator.GetJsonAsync(url)).Version();
        await page.GotoAsync($"/#/assessments/{rated.Assessment.Id}/compare");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("before-workshop");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(latest.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        await Expect(page.Locator(".summary")).ToHaveTextAsync($"2 cells changed from before-workshop to {latest}.");
        var it = facilitator.Row("IT");
        await Expect(it.Locator("td[data-factor=centralization].changed")).ToBeVisibleAsync();
        await Expect(it.Locator("td[data-column=overall].changed")).ToBeVisibleAsync();
        await Expect(page.Locator("table.board td.changed")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-change=\"IT:ratings.centralization.joint\"]")).ToContainTextAsync("IT · Centralization (joint): 2 → 4");
        await Expect(page.Locator("[data-change=\"IT:ratings.centralization.joint\"]")).ToContainTextAsync("One help desk for both");
        await Expect(page.Locator("[data-change=\"IT:verdict\"]")).ToContainTextAsync("Maybe → Yes");
        await Expect(page.Locator("[data-change=\"IT:verdict\"]")).ToContainTextAsync("The help desk case convinced the panel");
    }
}
