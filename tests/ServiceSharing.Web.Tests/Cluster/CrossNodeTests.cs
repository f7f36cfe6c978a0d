using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>Two app nodes behind HAProxy with the Redis backplane: what one node commits reaches the other's screens.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class CrossNodeTests(SharedCluster shared) : IClassFixture<SharedCluster>
{
    private const int Node1 = 0;
    private const int Node2 = 1;
    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    private LocalCluster Cluster => shared.Cluster;

    [Fact]
    public async Task a_client_on_one_node_receives_in_order_what_raters_post_through_the_other()
    {
        var facilitatorInvite = await Cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = Cluster.ClientFor(facilitatorInvite, Node2);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        await using var watcher = await Cluster.ConnectAsync(facilitatorInvite, Node1);
        var joinedAt = await watcher.JoinAssessmentAsync(assessment.Id);
        using var board = OrderedBoard.Follow(watcher, assessment.Id, joinedAt, Cluster.ProxyAddress);

        // Three raters at once, all at node 2: node 2 commits every version, node 1's client gets them over Redis.
        var raters = await RatersAsync(3, Node2);
        var acknowledged = await RateAsync(raters, assessment, perRater: 8);
        var last = acknowledged.Max();
        await board.WaitForVersionAsync(last);

        var arrived = watcher.Messages("BoardChanged").Select(m => m.Version()).ToList();
        arrived.ShouldBe(Enumerable.Range(1, (int)(last - joinedAt)).Select(i => joinedAt + i).ToList(),
            "one committing node: the pushes arrive in version order, each once, with no history read");
        board.HistoryReads.ShouldBe(0);
        acknowledged.Order().ShouldBe(arrived);
    }

    [Fact]
    public async Task when_both_nodes_commit_the_client_applies_every_version_once_in_order_without_reading_history()
    {
        var facilitatorInvite = await Cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = Cluster.ClientFor(facilitatorInvite, Node1);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        var watchers = new List<(HubClient Hub, OrderedBoard Board)>();
        foreach (var node in new[] { Node1, Node2 })
        {
            var hub = await Cluster.ConnectAsync(facilitatorInvite, node);
            watchers.Add((hub, OrderedBoard.Follow(hub, assessment.Id, await hub.JoinAssessmentAsync(assessment.Id), Cluster.ProxyAddress)));
        }

        // Raters on both nodes at once: consecutive versions are committed, and pushed, by different nodes.
        var raters = (await RatersAsync(2, Node1)).Concat(await RatersAsync(2, Node2)).ToList();
        var acknowledged = await RateAsync(raters, assessment, perRater: 8);
        var last = acknowledged.Max();

        foreach (var (hub, board) in watchers)
        {
            await board.WaitForVersionAsync(last);
            board.Applied.Select(a => a.Version).ShouldBe(Enumerable.Range(1, (int)(last - assessment.Version)).Select(i => assessment.Version + i),
                "every version applied once, in order");
            board.HistoryReads.ShouldBe(0, "pushes that overtook each other are put in order by waiting, not by reading history");
            hub.Messages("BoardChanged").Select(m => m.Version()).Order().ShouldBe(acknowledged.Order(), "each version pushed once, by the node that committed it");
            board.Dispose();
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task through_the_proxy_one_node_takes_all_of_an_assessments_ratings_whichever_node_its_raters_are_pinned_to()
    {
        var facilitatorInvite = await Cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = Cluster.ClientFor(facilitatorInvite, Node1);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        var before = await Cluster.BoardRatingsCommittedAsync();

        // Four raters at once, two pinned to each node by the hub's cookie, as their browsers would be.
        var raters = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            raters.Add(Cluster.ClientFor(await Cluster.InviteAsync($"Pinned rater {i}", i % 2 == 0 ? "city" : "county", "reviewer"), i % 2 == 0 ? Node1 : Node2));
        }

        var acknowledged = await RateAsync(raters, assessment, perRater: 5);
        var taken = await RatingsTakenSinceAsync(before, acknowledged.Count);
        taken.Max().ShouldBe(acknowledged.Count, "one node commits the whole board: its stream lock is never taken by both in turn");
    }

    [Fact]
    public async Task through_the_proxy_assessments_are_spread_over_both_nodes()
    {
        var facilitatorInvite = await Cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = Cluster.ClientFor(facilitatorInvite, Node1);
        var before = await Cluster.BoardRatingsCommittedAsync();

        // One rating on each of 24 boards, all from a client pinned to node 1. The proxy's hash split 2,000 random ids
        // 56 / 44 between two servers (measured with infra/cluster/haproxy.cfg): all 24 on one node is about one run
        // in a million.
        using var rater = Cluster.ClientFor(await Cluster.InviteAsync("Busy rater", "city", "reviewer"), Node1);
        const int boards = 24;
        for (var i = 0; i < boards; i++)
        {
            var assessment = await TestAssessment.CreateAsync(facilitator, $"Area {i}");
            await rater.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas[$"Area {i}"], factor = "similarity", score = 2 });
        }

        var taken = await RatingsTakenSinceAsync(before, boards);
        taken.ShouldAllBe(count => count > 0, "each node is the home of some of the assessments");
    }

    [Fact]
    public async Task who_is_here_shows_everyone_in_the_session_whichever_node_they_are_on()
    {
        var facilitatorInvite = await Cluster.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = Cluster.ClientFor(facilitatorInvite, Node1);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var session = await facilitator.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Joint workshop" }, HttpStatusCode.Created);
        var sessionId = session.Get<Guid>("id");
        var cathy = await InviteToSessionAsync(facilitator, sessionId, "Cathy City", "city");
        var cole = await InviteToSessionAsync(facilitator, sessionId, "Cole County", "county");

        await using var room = await JoinAsync(facilitatorInvite, Node2, assessment.Id, sessionId);
        var cathyOnNode1 = await JoinAsync(cathy, Node1, assessment.Id, sessionId);
        await using var coleOnNode2 = await JoinAsync(cole, Node2, assessment.Id, sessionId);
        await WaitForPresentAsync(room, ["Cathy City", "Cole County", "Fran Facilitator"]);
        using (var reader = Cluster.ClientFor(cathy, Node1))
        {
            var seenOnNode1 = await reader.GetJsonAsync($"/api/sessions/{sessionId}");
            seenOnNode1["participants"]!.AsArray().Where(p => p!["connected"]!.GetValue<bool>()).Select(p => p!["name"]!.GetValue<string>())
                .Order().ShouldBe(["Cathy City", "Cole County", "Fran Facilitator"]);
        }

        // Cole opens a second screen on the other node, then closes the first: still here, no leave recorded.
        await using var coleOnNode1 = await JoinAsync(cole, Node1, assessment.Id, sessionId);
        await coleOnNode2.Connection.StopAsync();
        await cathyOnNode1.DisposeAsync();
        var presence = (await WaitForPresentAsync(room, ["Cole County", "Fran Facilitator"])).Where(m => m.Name == "PresenceChanged").ToList();
        presence.SkipWhile(m => !Present(m.Body).Contains("Cole County")).ShouldAllBe(m => Present(m.Body).Contains("Cole County"),
            "Cole never left: one of his connections was open on the other node throughout");
    }

    /// <summary>What each node committed since <paramref name="before"/>: a rating is counted before its answer is
    /// sent, so every acknowledged one is in.</summary>
    private async Task<double[]> RatingsTakenSinceAsync(double[] before, int expected)
    {
        var taken = await Cluster.BoardRatingsCommittedSinceAsync(before);
        taken.Sum().ShouldBe(expected, "every acknowledged rating counted once, by the node that committed it");
        return taken;
    }

    private async Task<HubClient> JoinAsync(Features.Invites.InviteIssued invite, int node, Guid assessmentId, Guid sessionId)
    {
        var hub = await Cluster.ConnectAsync(invite, node);
        await hub.JoinAssessmentAsync(assessmentId);
        await hub.JoinSessionAsync(sessionId);
        return hub;
    }

    private static async Task<IReadOnlyList<HubMessage>> WaitForPresentAsync(HubClient room, string[] names) =>
        await room.WaitUntilAsync(r => r.LastOrDefault(m => m.Name == "PresenceChanged") is { } last && Present(last.Body).Order().SequenceEqual(names),
            $"present: {string.Join(", ", names)}", 60);

    private static List<string> Present(JsonNode presenceChanged) =>
        presenceChanged["participants"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();

    private async Task<Features.Invites.InviteIssued> InviteToSessionAsync(HttpClient facilitator, Guid sessionId, string name, string org)
    {
        var invite = await Cluster.InviteAsync(name, org, "reviewer");
        await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/participants", new { participantId = invite.ParticipantId });
        return invite;
    }

    private async Task<List<HttpClient>> RatersAsync(int count, int node)
    {
        var raters = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            raters.Add(Cluster.DirectClientFor(await Cluster.InviteAsync($"Rater {node}-{i}", i % 2 == 0 ? "city" : "county", "reviewer"), node));
        }

        return raters;
    }

    /// <summary>Every rater posts its ratings one after another, all raters at once; returns the versions acknowledged.</summary>
    private static async Task<List<long>> RateAsync(IReadOnlyList<HttpClient> raters, TestAssessment assessment, int perRater)
    {
        var versions = await Task.WhenAll(raters.Select(async (rater, r) =>
        {
            var mine = new List<long>();
            for (var i = 0; i < perRater; i++)
            {
                var area = assessment.Areas.Values.ElementAt((r + i) % assessment.Areas.Count);
                var answer = await rater.PostAsJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = Factors[i % Factors.Length], score = (r + i) % 5 });
                mine.Add((await answer.JsonAsync()).Version());
            }

            return mine;
        }));
        foreach (var rater in raters)
        {
            rater.Dispose();
        }

        return versions.SelectMany(v => v).ToList();
    }
}
