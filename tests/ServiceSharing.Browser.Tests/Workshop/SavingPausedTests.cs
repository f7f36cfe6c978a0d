using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>PostgreSQL stopped under an open board (a server of this test's own): the room is told, the change waits.</summary>
public sealed class SavingPausedTests(BrowserApp browser)
{
    [Fact]
    public async Task while_the_database_is_down_the_page_says_saving_is_paused_and_saves_the_change_once_when_it_is_back()
    {
        await using var database = await OwnDatabase.StartAsync();
        await using var app = await TestApp.StartAsync(seed: false, connectionString: database.ConnectionString);
        var invite = await BrowserApp.InviteAsync(app, "Fran Facilitator", "wpf", "facilitator");
        var api = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(api, "Payroll");
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, app, invite.JoinUrl);
        await facilitator.OpenBoardAsync(assessment.Id);
        var page = facilitator.Page;
        var saving = page.Locator("#saving");
        await Expect(saving).ToBeHiddenAsync();

        await database.StopAsync();
        await page.Locator("[data-decide=Payroll]").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Yes").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record verdict" }).ClickAsync();
        await Expect(saving).ToBeVisibleAsync();
        await Expect(saving).ToContainTextAsync("Saving is paused");
        await Expect(saving).ToContainTextAsync("will be saved automatically");

        await database.StartAgainAsync();
        await Expect(saving).ToContainTextAsync("Saving works again", new() { Timeout = 30_000 });
        await Expect(facilitator.Verdict("Payroll")).ToHaveTextAsync("Yes");
        var history = (await api.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        history.Count(e => e!["type"]!.GetValue<string>() == "VerdictRecorded").ShouldBe(1);
    }
}
