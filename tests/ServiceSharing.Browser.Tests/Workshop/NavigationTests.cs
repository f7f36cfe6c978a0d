using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>Moving on while a page is still loading: the page left behind never draws over the next one, and its live
/// connection is closed as soon as it has opened.</summary>
public sealed class NavigationTests(BrowserApp browser)
{
    [Fact]
    public async Task a_board_still_loading_when_the_facilitator_opens_people_does_not_draw_over_it_and_closes_its_live_connection()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(browser.App.ClientFor(facilitator.Invite!), "Payroll");
        var page = facilitator.Page;
        var hubSockets = new List<IWebSocket>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/review", StringComparison.Ordinal))
            {
                lock (hubSockets)
                {
                    hubSockets.Add(socket);
                }
            }
        };

        // The board's list of sessions is held back: the board page is still loading when the facilitator moves on.
        var release = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        await page.RouteAsync($"**/api/assessments/{assessment.Id}/sessions", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.EvaluateAsync($"() => {{ location.hash = '#/assessments/{assessment.Id}'; }}");
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        release.SetResult();

        // The board finishes loading behind the scenes and opens its live connection; it must close it again.
        await Until(() => HubSockets().Count > 0, "the board left behind finished loading and connected");
        await Until(() => HubSockets().All(s => s.IsClosed), "the live connection of the board left behind is closed");
        await Expect(page.Locator("table.board")).ToHaveCountAsync(0);
        await Expect(page.Locator("#main h1")).ToHaveCountAsync(1);
        await Expect(page.Locator("#main h1")).ToHaveTextAsync("People");

        List<IWebSocket> HubSockets()
        {
            lock (hubSockets)
            {
                return [.. hubSockets];
            }
        }
    }

    /// <summary>Polls a condition the page reaches by itself; fails with the reason when it does not within 15 s.</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"waited 15 s for: {what}");
            await Task.Delay(50);
        }
    }
}
