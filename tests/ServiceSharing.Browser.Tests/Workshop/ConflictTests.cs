using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class ConflictTests(BrowserApp browser)
{
    [Fact]
    public async Task a_verdict_refused_with_409_is_explained_in_plain_words_and_the_dialog_shows_the_current_value()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(browser.App.ClientFor(facilitator.Invite!), "Payroll");
        await facilitator.OpenBoardAsync(assessment.Id);
        var page = facilitator.Page;

        await page.Locator("[data-decide=Payroll]").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.Locator("[data-current-value]")).ToHaveTextAsync("On the board now: no verdict.");

        // Meanwhile a second facilitator decides the same area.
        var other = await browser.App.SignInAsync("Felix Facilitator", "wpf", "facilitator");
        await other.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Payroll"], verdict = "No", nextSteps = "Keep separate" });
        await Expect(facilitator.Verdict("Payroll")).ToHaveTextAsync("No");

        await dialog.GetByLabel("Yes").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record verdict" }).ClickAsync();

        await Expect(dialog.Locator("[data-dialog-message]")).ToHaveTextAsync(
            "Not saved: someone changed the board after you opened this. Its current value is shown; check it and save again if your change still stands.");
        await Expect(dialog.Locator("[data-current-value]")).ToHaveTextAsync("On the board now: No – Keep separate.");
        await Expect(facilitator.Verdict("Payroll")).ToHaveTextAsync("No");

        // Saving again, knowingly, counts on the version now shown.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record verdict" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(facilitator.Verdict("Payroll")).ToHaveTextAsync("Yes");
    }

    [Fact]
    public async Task a_rating_in_a_round_that_has_ended_is_refused_in_plain_words()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var api = browser.App.ClientFor(facilitator.Invite!);
        var assessment = await TestAssessment.CreateAsync(api, "Payroll");
        var session = await api.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Workshop" }, System.Net.HttpStatusCode.Created);
        var sessionId = session.Get<Guid>("id");
        var round = await api.PostJsonAsync($"/api/sessions/{sessionId}/rounds", new { areaId = assessment.Areas["Payroll"], blind = true }, System.Net.HttpStatusCode.Created);
        await using var reviewer = await browser.JoinAsync("Cathy City", "city", "reviewer", sessionId);
        await reviewer.OpenBoardAsync(assessment.Id);

        await reviewer.Page.Locator("[data-round-rate=similarity]").ClickAsync();
        var dialog = reviewer.Page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("[data-choice=\"2\"] input").CheckAsync();
        // A blind round in vote ends by a reveal or a discard; here the facilitator discards it while the dialog is open.
        await api.PostJsonAsync($"/api/sessions/{sessionId}/rounds/{round.Get<Guid>("roundId")}/discard", new { });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();

        await Expect(dialog.Locator("[data-dialog-message]")).ToHaveTextAsync("Not saved: The round is not open for votes.");
        await Expect(dialog.Locator("input[name=score][value=\"2\"]")).ToBeCheckedAsync();
    }
}
