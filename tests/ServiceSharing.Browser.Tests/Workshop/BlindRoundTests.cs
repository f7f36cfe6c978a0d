using System.Net;
using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>The workshop of the issue: a facilitator and a reviewer of each government, each at their own browser.</summary>
public sealed class BlindRoundTests(BrowserApp browser)
{
    [Fact]
    public async Task a_blind_round_shows_each_government_the_other_ones_rating_only_after_the_reveal_and_the_verdict_reaches_everyone_live()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(browser.App.ClientFor(facilitator.Invite!), "Payroll", "Procurement", "IT");
        await facilitator.OpenBoardAsync(assessment.Id);
        var fran = facilitator.Page;

        // The facilitator opens a session and invites both reviewers from the page, copying their join links.
        await fran.GetByLabel("Session title", new() { Exact = true }).FillAsync("Joint workshop");
        await fran.GetByRole(AriaRole.Button, new() { Name = "Open session" }).ClickAsync();
        await Expect(fran.Locator(".session-title")).ToContainTextAsync("Joint workshop");
        var cityLink = await InviteFromPageAsync(fran, "Cathy City", "city");
        var countyLink = await InviteFromPageAsync(fran, "Cody County", "county");

        await using var city = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, cityLink);
        await using var county = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, countyLink);
        await city.OpenBoardAsync(assessment.Id);
        await county.OpenBoardAsync(assessment.Id);
        foreach (var person in new[] { facilitator, city, county })
        {
            await person.MarkPageAsync();
        }

        await Expect(fran.Locator(".presence [data-participant=\"Cathy City\"][data-present=true]")).ToBeVisibleAsync();
        await Expect(fran.Locator(".presence [data-participant=\"Cody County\"][data-present=true]")).ToBeVisibleAsync();

        // A blind round on Payroll.
        await fran.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Payroll" });
        await fran.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await Expect(city.Page.Locator(".round-panel")).ToContainTextAsync("Blind vote");

        await RateInRoundAsync(city.Page, "similarity", 3, "Both run the same payroll software.");
        await RateInRoundAsync(county.Page, "similarity", 1, "Our pay rules differ a lot.");

        // Before the reveal each sees their own score and that the other has rated, never the other's score.
        await Expect(city.Page.Locator("[data-round-factor=similarity] .mine")).ToHaveTextAsync("3");
        await Expect(county.Page.Locator("[data-round-factor=similarity] [data-rater=\"Cathy City\"]")).ToContainTextAsync("rated");
        await Expect(county.Page.Locator("[data-round-factor=similarity] [data-rater=\"Cathy City\"] .revealed-score")).ToHaveCountAsync(0);
        await Expect(city.Page.Locator("[data-round-factor=similarity] [data-rater=\"Cody County\"]")).ToContainTextAsync("rated");
        await Expect(county.Score("Payroll", "similarity", "city")).ToHaveTextAsync("–");
        await Expect(city.Score("Payroll", "similarity", "county")).ToHaveTextAsync("–");
        await Expect(fran.Locator("[data-round-factor=similarity] [data-hidden=true]")).ToHaveCountAsync(2);

        await fran.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();

        // After the reveal: on every screen, without a reload, with the divergence mark (3 against 1).
        foreach (var person in new[] { city, county, facilitator })
        {
            await Expect(person.Score("Payroll", "similarity", "city")).ToHaveTextAsync("3");
            await Expect(person.Score("Payroll", "similarity", "county")).ToHaveTextAsync("1");
            await Expect(person.Row("Payroll").Locator("td[data-factor=similarity][data-divergent]")).ToBeVisibleAsync();
        }
        await Expect(county.Page.Locator("[data-round-factor=similarity] [data-rater=\"Cathy City\"] .revealed-score")).ToHaveTextAsync("3");

        // The facilitator records the verdict; it appears on all three screens live.
        await fran.Locator("[data-decide=Payroll]").ClickAsync();
        var dialog = fran.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Yes").CheckAsync();
        await dialog.GetByLabel("Next steps").FillAsync("Shared payroll system, then a joint team");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record verdict" }).ClickAsync();
        foreach (var person in new[] { city, county, facilitator })
        {
            await Expect(person.Verdict("Payroll")).ToHaveTextAsync("Yes");
            await Expect(person.Row("Payroll").Locator("td[data-column=nextSteps]")).ToHaveTextAsync("Shared payroll system, then a joint team");
            (await person.PageWasNotReloadedAsync()).ShouldBeTrue("the board updates live, without a reload");
        }

        await Screenshots.TakeAsync(fran, "board-facilitator-after-blind-round");
        await Screenshots.TakeAsync(county.Page, "board-county-reviewer-after-blind-round");

        var board = await browser.App.ClientFor(facilitator.Invite!).GetJsonAsync(assessment.Url);
        TestAssessment.Area(board, "Payroll")["verdict"]!.GetValue<string>().ShouldBe("Yes");
    }

    [Fact]
    public async Task a_blind_round_in_vote_offers_reveal_or_discard_not_close_and_a_discarded_round_shows_no_score_to_anyone()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var api = browser.App.ClientFor(facilitator.Invite!);
        var assessment = await TestAssessment.CreateAsync(api, "Payroll");
        var session = await api.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Discard workshop" }, HttpStatusCode.Created);
        var sessionId = session["id"]!.GetValue<Guid>();
        await using var county = await browser.JoinAsync("Cody County", "county", "reviewer", sessionId);
        await facilitator.OpenBoardAsync(assessment.Id);
        await county.OpenBoardAsync(assessment.Id);
        var fran = facilitator.Page;
        await fran.GetByLabel("Current session").SelectOptionAsync(new SelectOptionValue { Label = "Discard workshop" });
        await fran.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Payroll" });
        await fran.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await using var city = await browser.JoinAsync("Cathy City", "city", "reviewer", sessionId);
        await city.OpenBoardAsync(assessment.Id);
        await Expect(city.Page.Locator(".round-panel")).ToContainTextAsync("Blind vote");
        await RateInRoundAsync(city.Page, "similarity", 4, "Kept to myself.");

        await Expect(fran.GetByRole(AriaRole.Button, new() { Name = "Reveal" })).ToBeVisibleAsync();
        await Expect(fran.GetByRole(AriaRole.Button, new() { Name = "Close round" })).ToHaveCountAsync(0);
        await fran.GetByRole(AriaRole.Button, new() { Name = "Discard round" }).ClickAsync();

        foreach (var person in new[] { facilitator, county })
        {
            await Expect(person.Page.Locator(".round-panel")).ToContainTextAsync("No round is open");
            await Expect(person.Score("Payroll", "similarity", "city")).ToHaveTextAsync("–");
            (await person.Page.ContentAsync()).ShouldNotContain("Kept to myself.");
        }

        var asCounty = await browser.App.ClientFor(county.Invite!).GetJsonAsync($"/api/sessions/{sessionId}");
        asCounty["rounds"]![0]!["status"]!.GetValue<string>().ShouldBe("discarded");
        asCounty["rounds"]![0]!["ratings"]![0]!["score"].ShouldBeNull();
    }

    private static async Task<string> InviteFromPageAsync(IPage page, string name, string org)
    {
        var invite = page.Locator("section[aria-label=Invite]");
        await invite.GetByLabel("Name").FillAsync(name);
        await invite.GetByLabel("Organisation").SelectOptionAsync(org);
        await invite.GetByLabel("Role").SelectOptionAsync("reviewer");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Create invite" }).ClickAsync();
        var link = invite.Locator("[data-join-link]");
        await Expect(invite.GetByText($"Join link for {name}")).ToBeVisibleAsync();
        await invite.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(invite.GetByText("Copied.")).ToBeVisibleAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        copied.ShouldBe(await link.InputValueAsync());
        copied.ShouldContain("/join.html#token=");
        return copied;
    }

    private static async Task RateInRoundAsync(IPage page, string factor, int score, string rationale)
    {
        await page.Locator($"[data-round-rate={factor}]").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("blind round");
        await dialog.Locator($"[data-choice=\"{score}\"] input").CheckAsync();
        await dialog.GetByLabel("Rationale (optional)").FillAsync(rationale);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-round-factor={factor}] .mine")).ToHaveTextAsync(score.ToString());
    }
}
