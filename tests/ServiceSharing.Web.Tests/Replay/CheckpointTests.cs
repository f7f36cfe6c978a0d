using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Projections;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Replay;

/// <summary>
/// Replay starts from checkpoints (every <see cref="TestApp.CheckpointInterval"/> versions in the suite); these tests
/// hold its answers against Marten's own live aggregation of every event up to the point, which replay used to be.
/// </summary>
public sealed class CheckpointTests(SharedApp shared)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestApp App => shared.App;

    [Fact]
    public async Task the_board_from_checkpoints_equals_the_full_fold_at_every_version_and_every_moment_between_them()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        var (payroll, fleet) = (assessment.Areas["Payroll"], assessment.Areas["Fleet"]);
        var city = await App.SignInAsync("Cathy", "city", "reviewer");
        var county = await App.SignInAsync("Cole", "county", "reviewer");
        var ratings = $"{assessment.Url}/ratings";
        for (var i = 0; i < 6; i++)
        {
            await city.PostJsonAsync(ratings, new { areaId = i % 2 == 0 ? payroll : fleet, factor = "similarity", score = i % 5 });
            await county.PostJsonAsync(ratings, new { areaId = payroll, factor = i % 2 == 0 ? "efficiencies" : "similarity", score = (i + 2) % 5 });
        }

        await facilitator.PostJsonAsync(ratings, new { areaId = payroll, factor = "similarity", score = 3 });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Yes", nextSteps = "Joint RFP" });
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "mid-workshop" }, HttpStatusCode.Created);
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Maybe" });
        await county.PostJsonAsync(ratings, new { areaId = fleet, factor = "challenges", score = 4 });

        await using var query = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await query.Events.FetchStreamAsync(assessment.Id);
        events.Count.ShouldBeGreaterThan(4 * TestApp.CheckpointInterval);
        var checkpoints = await query.Query<AssessmentCheckpoint>().Where(c => c.AssessmentId == assessment.Id).ToListAsync();
        checkpoints.Select(c => c.Version).Order()
            .ShouldBe(events.Select(e => e.Version).Where(v => v % TestApp.CheckpointInterval == 0), "a checkpoint at every multiple of the interval");
        foreach (var checkpoint in checkpoints)
        {
            Board(checkpoint.State).ShouldBe(await FullFoldAsync(query, assessment.Id, checkpoint.Version), $"checkpoint at {checkpoint.Version}");
            checkpoint.At.ShouldBe(events.Single(e => e.Version == checkpoint.Version).Timestamp);
        }

        // One commit stamps all its events alike (creation and its areas), so a moment covers up to the last of them.
        async Task<string> AtMomentAsync(DateTimeOffset at) =>
            await FullFoldAsync(query, assessment.Id, events.Where(e => e.Timestamp <= at).Max(e => e.Version));

        for (var i = 0; i < events.Count; i++)
        {
            var version = events[i].Version;
            Body(await facilitator.GetJsonAsync($"{assessment.Url}?version={version}")).ShouldBe(await FullFoldAsync(query, assessment.Id, version), $"version {version}");
            Body(await facilitator.GetJsonAsync($"{assessment.Url}?asOf={Moment(events[i].Timestamp)}"))
                .ShouldBe(await AtMomentAsync(events[i].Timestamp), $"at the moment of version {version}");
            if (i + 1 < events.Count && events[i + 1].Timestamp > events[i].Timestamp)
            {
                var between = events[i].Timestamp + (events[i + 1].Timestamp - events[i].Timestamp) / 2;
                Body(await facilitator.GetJsonAsync($"{assessment.Url}?asOf={Moment(between)}"))
                    .ShouldBe(await AtMomentAsync(between), $"between versions {version} and {version + 1}");
            }
        }

        var snapshot = events.Single(e => e.Data is SnapshotTaken).Version;
        Body(await facilitator.GetJsonAsync($"{assessment.Url}?snapshot=mid-workshop")).ShouldBe(await FullFoldAsync(query, assessment.Id, snapshot));
        await (await facilitator.GetAsync($"{assessment.Url}?asOf={Moment(events[0].Timestamp.AddMilliseconds(-1))}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task no_checkpoint_holds_a_blind_score_before_its_reveal_and_replay_shows_it_only_from_the_reveal_on()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var city = workshop.App.ClientFor(cityInvite);
        var area = workshop.Assessment.Areas["Payroll"];
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await city.PostJsonAsync($"{workshop.Assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 4, roundId });
        // Enough changes of the board while the round is blind to pass several checkpoints.
        for (var i = 0; i < 3 * TestApp.CheckpointInterval; i++)
        {
            await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/ratings", new { areaId = area, factor = "efficiencies", score = i % 5 });
        }

        var revealed = (await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { })).Version();

        await using var query = workshop.App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var checkpoints = await query.Query<AssessmentCheckpoint>().Where(c => c.AssessmentId == workshop.Assessment.Id).ToListAsync();
        checkpoints.Count(c => c.Version < revealed).ShouldBeGreaterThanOrEqualTo(3);
        foreach (var checkpoint in checkpoints.Where(c => c.Version < revealed))
        {
            checkpoint.State.FindArea(area)!.PeekRatings(Domain.Rubric.Factor.Similarity)?.ScoreOf(cityInvite.ParticipantId).ShouldBeNull($"checkpoint at {checkpoint.Version}");
        }

        double? CitySimilarity(JsonNode board) => TestAssessment.Area(board, "Payroll")["ratings"]!["similarity"]!["city"]?.GetValue<double>();
        for (var version = workshop.Assessment.Version; version < revealed; version++)
        {
            var board = await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}?version={version}");
            board["areas"]!.AsArray().Count.ShouldBe(1, $"version {version}: {board.ToJsonString()}");
            CitySimilarity(board).ShouldBeNull($"version {version}");
        }

        CitySimilarity(await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}?version={revealed}")).ShouldBe(4);
    }

    /// <summary>What replay answered before checkpoints: Marten's live aggregation of every event up to the version.</summary>
    private static async Task<string> FullFoldAsync(IQuerySession query, Guid id, long version) =>
        Board((await query.Events.AggregateStreamAsync<Assessment>(id, version))!);

    /// <summary>The board as the API would answer it for this state (the API's JSON conventions: web defaults, enums by name).</summary>
    private static string Board(Assessment state) => JsonNode.Parse(JsonSerializer.Serialize(BoardView.From(state), Json))!.ToJsonString();

    private static string Body(JsonNode board) => board.ToJsonString();

    private static string Moment(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
}
