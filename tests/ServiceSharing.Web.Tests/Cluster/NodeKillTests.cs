using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Tests.Faults;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>A node dies with SIGKILL in the middle of a blind round while raters post through the proxy: the node the
/// proxy sends the assessment's requests to, so the writes in flight are the ones that must move.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class NodeKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task a_node_killed_mid_round_its_clients_go_on_on_the_other_node_nothing_acknowledged_is_lost_or_doubled_and_no_blind_score_leaks()
    {
        await using var cluster = await LocalCluster.StartAsync();
        var facilitatorInvite = await cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = cluster.ClientFor(facilitatorInvite);
        var created = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "Round area");
        var (assessment, doomed) = await HomeNodeAsync(cluster, created);
        var survivor = 1 - doomed;
        var sessionId = (await facilitator.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Joint workshop" }, HttpStatusCode.Created)).Get<Guid>("id");
        var cathy = await InviteToSessionAsync(cluster, facilitator, sessionId, "Cathy City", "city", "reviewer");
        var cole = await InviteToSessionAsync(cluster, facilitator, sessionId, "Cole County", "county", "reviewer");
        var olive = await InviteToSessionAsync(cluster, facilitator, sessionId, "Olive Observer", "wpf", "observer");
        var roundArea = assessment.Areas["Round area"];
        var roundId = (await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/rounds",
            new { areaId = roundArea, factors = new[] { "similarity", "efficiencies" }, blind = true }, HttpStatusCode.Created)).Get<Guid>("roundId");

        // Screens: the facilitator's on the node that will die, Olive's there too (no reconnect: she closes her laptop),
        // and Cole's on the survivor.
        var watcher = await cluster.ConnectAsync(facilitatorInvite, doomed);
        await using var _ = watcher;
        using var board = OrderedBoard.Follow(watcher, assessment.Id, await watcher.JoinAssessmentAsync(assessment.Id), cluster.ProxyAddress);
        await watcher.JoinSessionAsync(sessionId);
        var reconnected = new TaskCompletionSource<TimeSpan>();
        var killClock = new Stopwatch();
        watcher.Connection.Reconnected += async _ =>
        {
            reconnected.TrySetResult(killClock.Elapsed);
            await watcher.JoinAssessmentAsync(assessment.Id);
            await watcher.JoinSessionAsync(sessionId);
            await board.CatchUpAsync();
        };
        await using var oliveOnDoomed = await cluster.ConnectAsync(olive, doomed, autoReconnect: false);
        await oliveOnDoomed.JoinSessionAsync(sessionId);
        await using var coleOnSurvivor = await cluster.ConnectAsync(cole, survivor);
        await coleOnSurvivor.JoinAssessmentAsync(assessment.Id);
        await coleOnSurvivor.JoinSessionAsync(sessionId);
        await coleOnSurvivor.WaitUntilAsync(r => r.LastOrDefault(m => m.Name == "PresenceChanged") is { } p && Present(p.Body).Contains("Olive Observer"), "Olive present", 60);

        // Blind scores from clients pinned to both nodes (the proxy sends both to the assessment's node); the same
        // readers (history, session) used straight on each node, so the survivor has run what it serves after the kill.
        using var cathyOnDoomed = cluster.ClientFor(cathy, doomed);
        using var coleClient = cluster.ClientFor(cole, survivor);
        await cathyOnDoomed.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = roundArea, factor = "similarity", score = 4, roundId });
        await coleClient.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = roundArea, factor = "similarity", score = 0, roundId });
        using var coleStraightToDoomed = cluster.DirectClientFor(cole, doomed);
        using var coleStraightToSurvivor = cluster.DirectClientFor(cole, survivor);
        foreach (var reader in new[] { coleStraightToDoomed, coleStraightToSurvivor })
        {
            await reader.GetJsonAsync($"{assessment.Url}/history?since={assessment.Version}");
            await reader.GetJsonAsync($"/api/sessions/{sessionId}");
        }

        var raters = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            raters.Add(cluster.ClientFor(await cluster.InviteAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer"), i % 2 == 0 ? doomed : survivor));
        }

        var boardAreas = assessment with { Areas = assessment.Areas.Where(a => a.Key != "Round area").ToDictionary() };
        var load = new RatingLoad(boardAreas, raters, TimeSpan.FromSeconds(90));
        load.Start();
        await WaitUntilAsync(() => load.AcknowledgedCount >= 20, "20 ratings acknowledged before the kill", 90);

        killClock.Start();
        cluster.Nodes[doomed].Kill();
        var acknowledgedAtKill = load.AcknowledgedCount;

        var backAfter = await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var oliveGone = await coleOnSurvivor.WaitUntilAsync(
            r => r.LastOrDefault(m => m.Name == "PresenceChanged") is { } p && !Present(p.Body).Contains("Olive Observer"), "Olive gone", 60);
        var oliveGoneAfter = killClock.Elapsed;
        // The round goes on: a blind score through the cookie of the dead node lands on the survivor.
        await cathyOnDoomed.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = roundArea, factor = "efficiencies", score = 3, roundId });
        await WaitUntilAsync(() => load.AcknowledgedCount >= acknowledgedAtKill + 20, "20 more ratings after the kill", 90);
        await load.StopAsync();
        output.WriteLine($"Reconnected {backAfter.TotalMilliseconds:F0} ms after the kill; Olive left the list {oliveGoneAfter.TotalMilliseconds:F0} ms after it; {load.Figures()}");

        backAfter.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the dead node's clients reconnect through the proxy to the live node within 5 s");
        oliveGoneAfter.ShouldBeLessThan(TimeSpan.FromSeconds(10), "people on a node that died leave 'who is here' within 10 s");
        using var reader2 = cluster.ClientFor(facilitatorInvite, survivor);
        await RatingLoad.ShouldAllBeInHistoryOnceAsync(reader2, assessment, load.Acknowledged);

        // The facilitator's screen: every version once, in order, up to the last, on the survivor now.
        var last = (await reader2.GetJsonAsync(assessment.Url)).Version();
        await board.WaitForVersionAsync(last);
        board.Applied.Select(a => a.Version).ShouldBe(Enumerable.Range(1, (int)(last - assessment.Version)).Select(i => assessment.Version + i));

        // Nothing blind leaked before the reveal: no score in any push, none on the board's history, hidden to others.
        var allPushes = watcher.Received.Concat(oliveOnDoomed.Received).Concat(coleOnSurvivor.Received).ToList();
        allPushes.Where(m => m.Name == "RatingSubmitted").ShouldNotBeEmpty();
        allPushes.Where(m => m.Name == "RatingSubmitted").ShouldAllBe(m => m.Body["score"] == null || m.Body["score"]!.GetValueKind() == System.Text.Json.JsonValueKind.Null);
        (await reader2.GetJsonAsync($"{assessment.Url}/history")).AsArray()
            .ShouldNotContain(e => e!["type"]!.GetValue<string>().Contains("Rated") && e["areaId"] != null && e["areaId"]!.GetValue<Guid>() == roundArea);
        var seenByCole = await coleClient.GetJsonAsync($"/api/sessions/{sessionId}");
        seenByCole.ToJsonString().ShouldNotContain("\"score\":4");
        seenByCole.ToJsonString().ShouldNotContain("\"score\":3");

        // And the round ends as rounds do: the reveal shows every score given, through either node, once.
        await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/rounds/{roundId}/reveal", new { });
        var revealed = await coleOnSurvivor.WaitForAsync("RoundRevealed");
        var ratings = revealed.Last(m => m.Name == "RoundRevealed").Body["ratings"]!.AsArray();
        ratings.Select(r => $"{r!["name"]} {r["factor"]} {r["score"]}").Order()
            .ShouldBe(["Cathy City efficiencies 3", "Cathy City similarity 4", "Cole County similarity 0"]);
    }

    /// <summary>The node the proxy sends this assessment's requests to, found by one rating through the proxy and the
    /// node whose /metrics counted it; returns the assessment at the version that rating reached.</summary>
    private static async Task<(TestAssessment Assessment, int Node)> HomeNodeAsync(LocalCluster cluster, TestAssessment assessment)
    {
        var before = await cluster.BoardRatingsCommittedAsync();
        using var prober = cluster.ClientFor(await cluster.InviteAsync("Probe Rater", "city", "reviewer"));
        var rated = await prober.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "challenges", score = 2 });
        var committed = (await cluster.BoardRatingsCommittedSinceAsync(before)).ToList();
        committed.Sum().ShouldBe(1, "the one rating, counted by the node that committed it");
        return (assessment with { Version = rated.Version() }, committed.IndexOf(1));
    }

    private static List<string> Present(JsonNode presenceChanged) =>
        presenceChanged["participants"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();

    private static async Task<Features.Invites.InviteIssued> InviteToSessionAsync(LocalCluster cluster, HttpClient facilitator, Guid sessionId, string name, string org, string role)
    {
        var invite = await cluster.InviteAsync(name, org, role);
        await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/participants", new { participantId = invite.ParticipantId });
        return invite;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"waited {seconds}s for {what}");
            await Task.Delay(50);
        }
    }
}
