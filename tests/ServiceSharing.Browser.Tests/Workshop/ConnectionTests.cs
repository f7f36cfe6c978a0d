using System.Net;
using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>A server restart under an open board: an app of this test's own, stopped and started again on the same port.</summary>
public sealed class ConnectionTests(BrowserApp browser)
{
    [Fact]
    public async Task losing_the_connection_shows_a_banner_and_after_reconnecting_the_board_catches_up()
    {
        var schema = TestDatabase.NewSchema("reconnect");
        var port = FreePort.Next();
        var first = await TestApp.StartAsync(schema, seed: false, port: port);
        var invite = await BrowserApp.InviteAsync(first, "Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(first.ClientFor(invite), "Payroll");
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, first, invite.JoinUrl);
        await facilitator.OpenBoardAsync(assessment.Id);
        await facilitator.MarkPageAsync();
        var banner = facilitator.Page.Locator("#connection");
        await Expect(banner).ToBeHiddenAsync();

        await first.DisposeAsync();
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Connection lost");

        await using var second = await TestApp.StartAsync(schema, seed: false, port: port);
        // The banner and the way back after a restart; that a gap is read from history is the test below.
        await second.ClientFor(invite).PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 4 });

        await Expect(facilitator.Score("Payroll", "similarity", "joint")).ToHaveTextAsync("4");
        await Expect(facilitator.Page.Locator(".feed")).ToContainTextAsync("recorded the joint rating Payroll · Similarity (joint): 4");
        await Expect(banner).Not.ToContainTextAsync("Connection lost");
        (await facilitator.PageWasNotReloadedAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task changes_made_while_the_page_is_cut_off_and_the_server_is_up_are_caught_up_from_history_each_exactly_once()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var api = browser.App.ClientFor(facilitator.Invite!);
        var assessment = await TestAssessment.CreateAsync(api, "Payroll", "Fleet");
        var page = facilitator.Page;

        // The page's hub connection runs through the test: it can be cut, and its way back held closed, while the
        // server stays up. Negotiation is what every reconnect (any transport) starts with.
        var cutOff = false;
        IWebSocketRoute? toServer = null;
        IWebSocketRoute? toPage = null;
        await page.RouteAsync("**/hubs/review/negotiate**", route => cutOff ? route.AbortAsync() : route.ContinueAsync());
        await page.RouteWebSocketAsync("**/hubs/review**", ws =>
        {
            toPage = ws;
            toServer = ws.ConnectToServer();
        });
        var historyReads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/history?since=", StringComparison.Ordinal))
            {
                historyReads.Add(request.Url);
            }
        };

        await facilitator.OpenBoardAsync(assessment.Id);
        await facilitator.MarkPageAsync();
        var before = await Rate(api, assessment, "Payroll", "similarity", 1);
        await Expect(page.Locator($".feed li[data-version=\"{before}\"]")).ToHaveCountAsync(1);

        cutOff = true;
        await toServer!.CloseAsync();
        await toPage!.CloseAsync(new() { Code = 1011, Reason = "cut off by the test" });
        await Expect(page.Locator("#connection")).ToContainTextAsync("Connection lost");
        var gap = new List<long>();
        foreach (var (area, factor, score) in new[] { ("Payroll", "efficiencies", 2), ("Fleet", "similarity", 3), ("Fleet", "challenges", 4) })
        {
            gap.Add(await Rate(api, assessment, area, factor, score));
        }

        historyReads.Clear();
        cutOff = false;
        await Expect(page.Locator($".feed li[data-version=\"{gap[^1]}\"]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#connection")).Not.ToContainTextAsync("Connection lost");
        var after = await Rate(api, assessment, "Payroll", "challenges", 0);
        await Expect(page.Locator($".feed li[data-version=\"{after}\"]")).ToHaveCountAsync(1);

        var shown = (await page.Locator(".feed li[data-version]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.version)"))
            .Select(long.Parse).Order().ToList();
        shown.ShouldBe(Enumerable.Range(0, (int)(after - before + 1)).Select(i => before + i), "every version from the first to the last exactly once");
        historyReads.ShouldContain(url => url.Contains($"since={before}", StringComparison.Ordinal), "the gap came from history");
        await Expect(facilitator.Score("Fleet", "challenges", "joint")).ToHaveTextAsync("4");
        (await facilitator.PageWasNotReloadedAsync()).ShouldBeTrue();
    }

    private static async Task<long> Rate(HttpClient api, TestAssessment assessment, string area, string factor, int score) =>
        (await api.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas[area], factor, score }))["version"]!.GetValue<long>();
}
