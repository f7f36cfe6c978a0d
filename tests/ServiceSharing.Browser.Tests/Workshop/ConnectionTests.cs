using System.Net;
using System.Net.Sockets;
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
        var port = FreePort();
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
        // Made while the page may still be reconnecting: a push if it is back already, history's catch-up if not.
        await second.ClientFor(invite).PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 4 });

        await Expect(facilitator.Score("Payroll", "similarity", "joint")).ToHaveTextAsync("4");
        await Expect(facilitator.Page.Locator(".feed")).ToContainTextAsync("recorded the joint rating Payroll · Similarity (joint): 4");
        await Expect(banner).Not.ToContainTextAsync("Connection lost");
        (await facilitator.PageWasNotReloadedAsync()).ShouldBeTrue();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
