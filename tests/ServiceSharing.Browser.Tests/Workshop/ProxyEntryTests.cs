using System.Net;
using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>A reviewer in the room without a laptop at hand: the facilitator enters the score they say aloud, and the
/// reviewer confirms it on their own screen later.</summary>
public sealed class ProxyEntryTests(BrowserApp browser)
{
    [Fact]
    public async Task the_facilitator_enters_a_score_for_a_reviewer_who_sees_it_unconfirmed_and_confirms_it()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var api = browser.App.ClientFor(facilitator.Invite!);
        var assessment = await TestAssessment.CreateAsync(api, "Payroll", "IT");
        var session = await api.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Workshop" }, HttpStatusCode.Created);
        await using var city = await browser.JoinAsync("Cathy City", "city", "reviewer", session.Get<Guid>("id"));
        await city.OpenBoardAsync(assessment.Id);
        await facilitator.OpenBoardAsync(assessment.Id);
        var fran = facilitator.Page;

        await fran.GetByLabel("Area", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "IT" });
        await fran.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        var proxy = fran.Locator("section[aria-label=\"Enter a score for a reviewer\"]");
        await Expect(proxy).ToBeVisibleAsync();
        await proxy.GetByLabel("Reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Cathy City (City)" });
        await proxy.GetByLabel("Factor").SelectOptionAsync("efficiencies");
        await proxy.GetByLabel("Score").SelectOptionAsync("3");
        await proxy.GetByLabel("Score").FocusAsync();
        await fran.Keyboard.PressAsync("Tab");
        await Expect(proxy.GetByRole(AriaRole.Button, new() { Name = "Enter score" })).ToBeFocusedAsync();
        await fran.Keyboard.PressAsync("Enter");
        await Expect(proxy.GetByRole(AriaRole.Alert)).ToContainTextAsync("Entered for Cathy City");
        await Expect(fran.Locator("[data-round-factor=efficiencies] [data-rater=\"Cathy City\"]")).ToContainTextAsync("unconfirmed");
        await Axe.ExpectNoViolationsAsync(fran, "board with proxy entry");

        var mine = city.Page.Locator("[data-round-factor=efficiencies] .mine");
        await Expect(mine).ToHaveAttributeAsync("data-unconfirmed", "true");
        await Expect(mine).ToContainTextAsync("3 (entered for you by Fran Facilitator, unconfirmed)");
        var confirm = city.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" });
        await Expect(city.Page.Locator("[data-confirm-proxy]")).ToContainTextAsync("Efficiencies 3");
        await Axe.ExpectNoViolationsAsync(city.Page, "board with a score to confirm");
        await confirm.FocusAsync();
        await city.Page.Keyboard.PressAsync("Enter");

        await Expect(mine).ToHaveAttributeAsync("data-unconfirmed", "false");
        await Expect(mine).ToContainTextAsync("confirmed");
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(fran.Locator("[data-round-factor=efficiencies] [data-rater=\"Cathy City\"]")).Not.ToContainTextAsync("unconfirmed");
    }
}
