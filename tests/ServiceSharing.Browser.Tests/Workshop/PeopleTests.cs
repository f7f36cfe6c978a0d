using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>The People view: who is invited, a new invite as a link and a QR code for the room, and revoking access.</summary>
public sealed class PeopleTests(BrowserApp browser)
{
    [Fact]
    public async Task a_facilitator_invites_someone_shows_the_link_as_a_qr_code_and_revokes_their_access()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var page = facilitator.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        var fran = page.Locator("table.people-table tr[data-person=\"Fran Facilitator\"]").First;
        await Expect(fran).ToContainTextAsync("Facilitator");
        await Expect(fran.Locator("[data-status-text]")).ToHaveTextAsync("Active");

        var name = $"Rita Reviewer {Guid.NewGuid():N}"[..20];
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Organisation").SelectOptionAsync("county");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invite" }).ClickAsync();
        var result = page.Locator($"[data-invite-for=\"{name}\"]");
        await Expect(result).ToContainTextAsync("It works until");
        var link = await result.Locator("[data-join-link]").InputValueAsync();
        link.ShouldContain("/join.html#token=");

        await result.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(result.GetByText("Copied.")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(link);

        var showQr = result.GetByRole(AriaRole.Button, new() { Name = "Show QR code" });
        await showQr.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var qr = result.GetByRole(AriaRole.Img, new() { Name = $"QR code of the join link for {name}" });
        await Expect(qr).ToBeVisibleAsync();
        await Expect(showQr).ToHaveAttributeAsync("aria-expanded", "true");
        (await qr.GetAttributeAsync("src"))!.ShouldStartWith("data:image/png;base64,");
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThanOrEqualTo(320);

        var row = page.Locator($"table.people-table tr[data-person=\"{name}\"]");
        await Expect(row).ToContainTextAsync("County");
        await Expect(row).ToContainTextAsync("Reviewer");
        await Axe.ExpectNoViolationsAsync(page, "people");

        // Rita opens her link; then the facilitator revokes her, and her next read sends her back to the join page.
        await using var rita = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, link);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await Expect(row.Locator("[data-status-text]")).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-people-message]")).ToContainTextAsync("can no longer sign in");

        await rita.Page.ReloadAsync();
        await Expect(rita.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ask the facilitator for a new link");
    }

    [Fact]
    public async Task reviewers_are_not_offered_the_people_view()
    {
        await using var reviewer = await browser.JoinAsync("Cathy City", "city", "reviewer");
        await Expect(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToHaveCountAsync(0);
        await reviewer.Page.GotoAsync("/#/people");
        await Expect(reviewer.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not allowed");
    }
}
