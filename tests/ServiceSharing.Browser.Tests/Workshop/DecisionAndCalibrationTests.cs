using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>The facilitator tunes the decision model with a live preview, and runs a calibration round with reviewers.</summary>
public sealed class DecisionAndCalibrationTests(BrowserApp browser)
{
    [Fact]
    public async Task the_decision_model_view_previews_every_suggestion_as_the_numbers_change_and_saves_the_model()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        var page = facilitator.Page;
        await facilitator.OpenBoardAsync(rated.Assessment.Id);
        var versionBefore = (await rated.Facilitator.GetJsonAsync(rated.Assessment.Url)).Version();
        await page.GetByRole(AriaRole.Link, new() { Name = "Decision model" }).ClickAsync();

        // Joint ratings of IT are 3, 3, 4, 2 (rounded means): 3.0 under equal weights, a Yes from 2.5.
        var it = page.Locator("table.preview tr[data-area=IT]");
        await Expect(it.Locator("[data-suggested]")).ToHaveAttributeAsync("data-suggested", "Yes");
        await Axe.ExpectNoViolationsAsync(page, "decision model");

        var yes = page.GetByLabel("Yes from");
        await yes.FillAsync("3.5");
        await Expect(it.Locator("[data-suggested]")).ToHaveAttributeAsync("data-suggested", "Maybe");
        await Expect(it).ToContainTextAsync("suggests Yes");

        await yes.FillAsync("1");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("thresholds.yes");
        await Expect(yes).ToHaveAttributeAsync("aria-invalid", "true");
        await yes.FillAsync("3.5");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        (await rated.Facilitator.GetJsonAsync(rated.Assessment.Url)).Version().ShouldBe(versionBefore, "previews write nothing");

        await page.GetByLabel("Rationale (optional)").FillAsync("Only clear cases are a Yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save model" }).ClickAsync();
        await Expect(page.Locator("[data-model-in-force]")).ToContainTextAsync("Yes from 3.5");

        var board = await rated.Facilitator.GetJsonAsync(rated.Assessment.Url);
        board.Version().ShouldBe(versionBefore + 1);
        board["decisionModel"]!["thresholds"]!["yes"]!.GetValue<double>().ShouldBe(3.5);
        TestAssessment.Area(board, "IT")["suggestedVerdict"]!.GetValue<string>().ShouldBe("Maybe");
    }

    [Fact]
    public async Task a_calibration_round_is_opened_rated_blind_revealed_and_each_reviewer_reads_their_offset_and_drift_in_words()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        var fran = facilitator.Page;
        await facilitator.OpenBoardAsync(rated.Assessment.Id);
        await fran.GetByRole(AriaRole.Link, new() { Name = "Calibration" }).ClickAsync();
        await fran.GetByLabel("Payroll").CheckAsync();
        await fran.GetByRole(AriaRole.Button, new() { Name = "Open calibration round" }).ClickAsync();
        await Expect(fran.Locator("[data-calibration-status=open]")).ToBeVisibleAsync();
        await Axe.ExpectNoViolationsAsync(fran, "calibration, facilitator");

        await using var city = await browser.JoinAsync("Cathy City", "city", "reviewer");
        var cathy = city.Page;
        await cathy.GotoAsync($"/#/assessments/{rated.Assessment.Id}/calibration");
        foreach (var (factor, score) in new[] { ("Similarity", "4"), ("Efficiencies", "4"), ("Challenges", "3"), ("Centralization", "4") })
        {
            await cathy.GetByLabel($"Payroll · {factor}").SelectOptionAsync(score);
        }
        await Axe.ExpectNoViolationsAsync(cathy, "calibration, reviewer");
        await cathy.GetByRole(AriaRole.Button, new() { Name = "Save my ratings" }).ClickAsync();
        await Expect(cathy.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your ratings are saved" })).ToBeVisibleAsync();

        // Cathy starts changing a score; others rating meanwhile must not throw her unsaved choice away.
        await cathy.GetByLabel("Payroll · Similarity").SelectOptionAsync("2");

        var county = await browser.App.SignInAsync("Cody County", "county", "reviewer");
        var roundId = (await county.GetJsonAsync($"{rated.Assessment.Url}/calibrations")).AsArray()[0]!.Get<Guid>("roundId");
        foreach (var factor in new[] { "similarity", "efficiencies", "challenges", "centralization" })
        {
            await county.PostJsonAsync($"{rated.Assessment.Url}/calibrations/{roundId}/ratings",
                new { areaId = rated.Assessment.Areas["Payroll"], factor, score = 2 });
        }

        // Live, with no Refresh: who has rated reaches every screen; blind, the facilitator never sees what.
        await Expect(fran.Locator("[data-raters]")).ToContainTextAsync("Cathy City (City, 4 cells), Cody County (County, 4 cells)");
        await Expect(cathy.Locator("[data-raters]")).ToContainTextAsync("Cody County (County, 4 cells)");
        await Expect(cathy.GetByLabel("Payroll · Similarity")).ToHaveValueAsync("2");
        await Expect(fran.Locator("table.calibration-panel")).ToHaveCountAsync(0);
        await fran.GetByRole(AriaRole.Button, new() { Name = "Reveal calibration" }).ClickAsync();
        await Expect(fran.Locator("table.calibration-panel tbody tr")).ToHaveCountAsync(4);
        await Expect(fran.Locator("[data-offset-of=\"Cody County\"]")).ToContainTextAsync("below the panel median");

        // Cathy (4, 4, 3, 4) against the medians (3, 3, 2.5, 3) of the two: one step above on three, half on one. The
        // reveal reaches her screen by itself.
        await Expect(cathy.Locator("[data-offset-of=\"Cathy City\"]")).ToContainTextAsync("scored 0.88 steps above the panel median on average");
        await Expect(cathy.Locator("[data-offset-of]")).ToHaveCountAsync(1);
        await Expect(cathy.Locator("[data-drift-of=\"Cathy City\"]")).ToContainTextAsync("No drift to tell");
        await Axe.ExpectNoViolationsAsync(cathy, "calibration, revealed");
    }
}
