using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>The app killed with SIGKILL under load and started again: retries with their keys record once, and a
/// connected screen reconnects and catches up.</summary>
public sealed class AppKillTests
{
    [Fact]
    public async Task after_a_sigkill_and_a_restart_every_acknowledged_rating_is_there_once_and_clients_catch_up()
    {
        await using var app = await AppProcess.StartAsync(TestDatabase.NewSchema("kill"), FreePort.Next());
        var invite = await app.InviteAsync("Fran", "wpf", "facilitator");
        var facilitator = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "IT");
        var raters = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            var rater = app.ClientFor(await app.InviteAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer"));
            rater.Timeout = TimeSpan.FromSeconds(10);
            raters.Add(rater);
        }

        await using var screen = await HubClient.ConnectAsync(app.BaseAddress, invite);
        var joinedAt = await screen.JoinAssessmentAsync(assessment.Id);
        var rejoined = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.Connection.Reconnected += async _ => rejoined.TrySetResult(await screen.JoinAssessmentAsync(assessment.Id));

        var load = new RatingLoad(assessment, raters, patience: TimeSpan.FromSeconds(120));
        load.Start();
        await WaitUntilAsync(() => load.AcknowledgedCount >= 30, "ratings before the kill");

        await app.KillAsync();
        var seenBeforeKill = Pushed(screen);
        await app.StartAgainAsync();
        var whenBack = load.AcknowledgedCount;
        await WaitUntilAsync(() => load.AcknowledgedCount >= whenBack + 30, "ratings after the restart");
        await load.StopAsync();

        load.Answers.Keys.ShouldBeSubsetOf(["200", "503", "409", RatingLoad.NoAnswer], load.Figures());
        var found = await RatingLoad.ShouldAllBeInHistoryOnceAsync(facilitator, assessment, load.Acknowledged);
        await RatingLoad.ShouldEqualItsReplayAsync(facilitator, assessment);

        // The screen came back by itself, gets the pushes of the restarted app, and fills what it missed from history.
        (await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeGreaterThan(joinedAt);
        // One rating after the rejoin: the load's last ones can all be committed, and pushed, before the screen is back.
        var afterRejoin = await raters[0].PostWithKeyAsync($"{assessment.Url}/ratings",
            new { areaId = assessment.Areas.Values.First(), factor = "similarity", score = 1, rationale = "after the rejoin" }, Guid.NewGuid().ToString());
        afterRejoin.EnsureSuccessStatusCode();
        var final = (await facilitator.GetJsonAsync(assessment.Url)).Version();
        await screen.WaitUntilAsync(r => Pushed(r).Contains(final), $"the push of version {final}", seconds: 30);
        var lastContiguous = LastContiguous(joinedAt, seenBeforeKill);
        var caughtUp = (await facilitator.GetJsonAsync($"{assessment.Url}/history?since={lastContiguous}")).AsArray().Select(e => e!.Version());
        Pushed(screen).Where(v => v > lastContiguous).Concat(caughtUp).Distinct().Order()
            .ShouldBe(Enumerable.Range((int)lastContiguous + 1, (int)(final - lastContiguous)).Select(v => (long)v));
        FaultFigures.Report(nameof(AppKillTests),
            $"{load.Figures()}; {found} found in the history exactly once; the screen rejoined and caught up from version {lastContiguous} to {final}");
    }

    private static HashSet<long> Pushed(HubClient screen) => Pushed(screen.Received);

    private static HashSet<long> Pushed(IReadOnlyList<HubMessage> received) =>
        received.Where(m => m.Name == "BoardChanged").Select(m => m.Body.Version()).ToHashSet();

    /// <summary>The version up to which the screen has every change, as the web app computes it before catching up.</summary>
    private static long LastContiguous(long joinedAt, HashSet<long> pushed)
    {
        var version = joinedAt;
        while (pushed.Contains(version + 1))
        {
            version++;
        }

        return version;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"waited 90 s for {what}");
            await Task.Delay(100);
        }
    }
}
