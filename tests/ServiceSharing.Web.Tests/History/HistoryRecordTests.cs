using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Features.Replay;
using ServiceSharing.Web.Features.Snapshots;
using ServiceSharing.Web.Projections;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.History;

/// <summary>
/// History and diff answer from the history read model (HistoryRecord); these tests hold those answers against the
/// audit trail folded from the whole stream, which is what both read before, and against a rebuild of the read model.
/// </summary>
public sealed class HistoryRecordTests(SharedApp shared)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestApp App => shared.App;

    [Fact]
    public async Task every_history_read_equals_the_trail_folded_from_the_whole_stream_and_filtered()
    {
        var (assessment, facilitator) = await BusyAssessmentAsync(App);
        var (payroll, fleet) = (assessment.Areas["Payroll"], assessment.Areas["Fleet"]);
        await using var query = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var trail = await FoldedTrailAsync(query, assessment.Id);
        var last = trail[^1].Version;

        var reads = new (string Query, Func<HistoryEntry, bool> Keep)[]
        {
            ("", _ => true),
            ($"areaId={payroll}", e => e.AreaId == payroll),
            ($"areaId={fleet}&factor=similarity", e => e.AreaId == fleet && e.Factor == "similarity"),
            ($"areaId={payroll}&factor=similarity", e => e.AreaId == payroll && e.Factor == "similarity"),
            ("factor=efficiencies", e => e.Factor == "efficiencies"),
            ($"areaId={payroll}&cell=ratings.similarity.city", e => e.AreaId == payroll && e.Factor == "similarity" && e.Field == "rating" && e.Org == "city"),
            ($"areaId={payroll}&cell=ratings.similarity.joint", e => e.AreaId == payroll && e.Factor == "similarity" && e.Field == "joint"),
            ($"areaId={payroll}&cell=nextSteps", e => e.AreaId == payroll && e.Field == "verdict"),
            ($"areaId={payroll}&cell=priority", e => e.AreaId == payroll && e.Field == "priority"),
            ($"areaId={fleet}&cell=name", e => e.AreaId == fleet && e.Field == "area"),
            ($"since={last - 7}", e => e.Version > last - 7),
            ($"areaId={payroll}&since=5&until={last - 3}", e => e.AreaId == payroll && e.Version > 5 && e.Version <= last - 3)
        };
        foreach (var (filter, keep) in reads)
        {
            var answered = await facilitator.GetJsonAsync($"{assessment.Url}/history?{filter}");
            answered.AsArray().Count.ShouldBeGreaterThan(0, filter);
            answered.ToJsonString().ShouldBe(Render(trail.Where(keep)), filter);
        }

        await (await facilitator.GetAsync($"{assessment.Url}/history?cell=ratings.cost.city")).ProblemAsync(HttpStatusCode.BadRequest, "cell");
    }

    [Fact]
    public async Task an_areas_history_longer_than_one_piece_on_the_wire_goes_out_byte_for_byte_as_its_entries_rendered()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Café & Parks — \"north\"", "Fleet");
        var (parks, fleet) = (assessment.Areas["Café & Parks — \"north\""], assessment.Areas["Fleet"]);
        HttpClient[] reviewers = [await App.SignInAsync("Çelik", "city", "reviewer"), await App.SignInAsync("Cole", "county", "reviewer")];
        (await facilitator.GetStringAsync($"{assessment.Url}/history?areaId={fleet}&cell=priority")).ShouldBe("[]");

        // Well beyond the 64 KB the answer is written out in, so it crosses pieces (and within each reviewer's burst).
        for (var i = 0; i < 190; i++)
        {
            await reviewers[i % 2].PostJsonAsync($"{assessment.Url}/ratings", new { areaId = parks, factor = "similarity", score = i % 5, rationale = $"niño’s {i} 🏛" });
        }

        await using var query = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var rendered = (await FoldedTrailAsync(query, assessment.Id)).Where(e => e.AreaId == parks).Select(HistoryJson.Render).ToList();
        var answered = await facilitator.GetStringAsync($"{assessment.Url}/history?areaId={parks}");
        answered.Length.ShouldBeGreaterThan(64 * 1024);
        answered.ShouldBe($"[{string.Join(',', rendered)}]");
    }

    [Fact]
    public async Task a_diff_cuts_each_cells_changes_to_the_latest_and_says_how_many_there_are_and_where_they_all_are()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        var (payroll, fleet) = (assessment.Areas["Payroll"], assessment.Areas["Fleet"]);
        var city = await App.SignInAsync("Cathy", "city", "reviewer");
        var ratings = $"{assessment.Url}/ratings";
        await city.PostJsonAsync(ratings, new { areaId = payroll, factor = "similarity", score = 0 });
        var from = (await facilitator.GetJsonAsync(assessment.Url)).Version();
        var many = DiffPointsEndpoint.LatestChangesPerCell + 5;
        for (var i = 1; i <= many; i++)
        {
            await city.PostJsonAsync(ratings, new { areaId = payroll, factor = "similarity", score = i % 4 + 1, rationale = $"take {i}" });
        }

        await city.PostJsonAsync(ratings, new { areaId = fleet, factor = "challenges", score = 2 });
        var to = (await facilitator.PostJsonAsync(ratings, new { areaId = fleet, factor = "challenges", score = 3 })).Version();

        var diff = (await facilitator.GetJsonAsync($"{assessment.Url}/diff?from={from}&to={to}")).AsArray();
        diff.Select(c => c!["field"]!.GetValue<string>()).ShouldBe(["ratings.similarity.city", "ratings.challenges.city", "ratings.challenges.joint"], ignoreOrder: true);

        await using var query = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var trail = await FoldedTrailAsync(query, assessment.Id);
        var busy = diff.Single(c => c!["field"]!.GetValue<string>() == "ratings.similarity.city")!;
        var allOfIt = trail.Where(e => e.Version > from && e.Version <= to && e.AreaId == payroll && e.Field == "rating" && e.Factor == "similarity").ToList();
        allOfIt.Count.ShouldBe(many);
        busy["changeCount"]!.GetValue<int>().ShouldBe(many);
        busy["changes"]!.ToJsonString().ShouldBe(Render(allOfIt.TakeLast(DiffPointsEndpoint.LatestChangesPerCell)));
        var link = busy["history"]!.GetValue<string>();
        link.ShouldBe($"{assessment.Url}/history?areaId={payroll}&cell=ratings.similarity.city&since={from}&until={to}");
        (await facilitator.GetJsonAsync(link)).ToJsonString().ShouldBe(Render(allOfIt));

        var joint = diff.Single(c => c!["field"]!.GetValue<string>() == "ratings.challenges.joint")!;
        joint["changeCount"]!.GetValue<int>().ShouldBe(1);
        joint["changes"]!.AsArray().Single()!["actor"]!["name"]!.GetValue<string>().ShouldBe("Fran");
    }

    [Fact]
    public async Task a_blind_score_is_in_no_history_record_until_the_reveal_puts_it_on_the_board()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var city = workshop.App.ClientFor(cityInvite);
        var area = workshop.Assessment.Areas["Payroll"];
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await city.PostJsonAsync($"{workshop.Assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 4, rationale = "hidden until the reveal", roundId });
        await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/ratings", new { areaId = area, factor = "efficiencies", score = 2 });

        await using (var query = App.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            (await query.Query<HistoryRecord>().CountAsync(r => r.AssessmentId == workshop.Assessment.Id)).ShouldBeGreaterThan(0);
            // The round's stream, where the blind score lives, is never filed; nor is the score anywhere in the records.
            (await query.Query<HistoryRecord>().CountAsync(r => r.AssessmentId == workshop.SessionId)).ShouldBe(0);
            (await query.Query<HistoryRecord>().Where(r => r.AssessmentId == workshop.Assessment.Id).ToListAsync())
                .ShouldAllBe(r => !r.Entry.Contains("hidden until the reveal") && !r.Entry.Contains("\"org\":\"city\""));
        }

        var cellHistory = $"{workshop.Assessment.Url}/history?areaId={area}&factor=similarity";
        (await workshop.Facilitator.GetJsonAsync(cellHistory)).AsArray().ShouldBeEmpty();
        (await city.GetJsonAsync($"{workshop.Assessment.Url}/history?areaId={area}&cell=ratings.similarity.city")).AsArray().ShouldBeEmpty();

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        var revealed = (await workshop.Facilitator.GetJsonAsync(cellHistory)).AsArray().Single()!;
        revealed["after"]!.GetValue<int>().ShouldBe(4);
        revealed["org"]!.GetValue<string>().ShouldBe("city");
        revealed["rationale"]!.GetValue<string>().ShouldBe("hidden until the reveal");
    }

    [Fact]
    public async Task rebuilding_the_read_model_reproduces_every_record_and_until_then_the_folded_trail_answers_alike()
    {
        await using var app = await TestApp.StartAsync(seed: false);
        var (assessment, facilitator) = await BusyAssessmentAsync(app);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var reads = new[]
        {
            $"{assessment.Url}/history", $"{assessment.Url}/history?areaId={assessment.Areas["Payroll"]}",
            $"{assessment.Url}/history?areaId={assessment.Areas["Payroll"]}&factor=similarity&since=4", $"{assessment.Url}/diff?from=1&to=before-verdicts",
            $"{assessment.Url}/diff?from=before-verdicts&to={assessment.Version + 30}",
            $"{assessment.Url}/history?since=2&limit=5", $"{assessment.Url}/history?areaId={assessment.Areas["Payroll"]}&since=9&limit=3"
        };

        async Task<List<string>> AnswersAsync() => [.. await Task.WhenAll(reads.Select(async r => (await facilitator.GetJsonAsync(r)).ToJsonString()))];
        async Task<List<string>> RecordsAsync()
        {
            await using var query = store.QuerySession();
            return [.. (await query.Query<HistoryRecord>().ToListAsync()).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => JsonSerializer.Serialize(r))];
        }

        var answers = await AnswersAsync();
        var records = await RecordsAsync();
        records.Count.ShouldBeGreaterThan(30);

        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<HistoryRecord>(r => r.AssessmentId == assessment.Id);
            await session.SaveChangesAsync();
        }

        (await AnswersAsync()).ShouldBe(answers, "folded while the read model does not hold the trail");

        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync(nameof(HistoryRecordProjection), TimeSpan.FromMinutes(2), CancellationToken.None);
        }

        var rebuilt = await RecordsAsync();
        rebuilt.Count.ShouldBe(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            rebuilt[i].ShouldBe(records[i]);
        }
        (await AnswersAsync()).ShouldBe(answers, "from the rebuilt read model");
    }

    [Fact]
    public async Task a_history_read_in_pages_following_each_next_link_answers_the_whole_read_and_the_last_page_links_nowhere()
    {
        var (assessment, facilitator) = await BusyAssessmentAsync(App);
        var payroll = assessment.Areas["Payroll"];
        foreach (var (read, limit) in new[] { ($"{assessment.Url}/history?areaId={payroll}", 4), ($"{assessment.Url}/history?since=3", 7), ($"{assessment.Url}/history?areaId={payroll}&factor=similarity", 100) })
        {
            var whole = (await facilitator.GetJsonAsync(read)).AsArray();
            var paged = new List<JsonNode?>();
            string? next = $"{read}&limit={limit}";
            while (next is not null)
            {
                using var response = await facilitator.GetAsync(next);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                paged.AddRange(page.Select(e => e?.DeepClone()));
                next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
                // Every page but the last is full; the last holds what is left.
                page.Count.ShouldBeInRange(next is null ? 1 : limit, limit, next);
            }

            new JsonArray([.. paged]).ToJsonString().ShouldBe(whole.ToJsonString(), read);
        }

        await (await facilitator.GetAsync($"{assessment.Url}/history?limit=0")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task a_snapshot_label_resolves_from_the_read_model_to_its_events_version_and_time_and_from_the_events_when_no_record_names_it()
    {
        var (assessment, facilitator) = await BusyAssessmentAsync(App);
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "after-verdicts" }, HttpStatusCode.Created);
        await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Fleet"], factor = "efficiencies", score = 2 });
        var store = App.Services.GetRequiredService<IDocumentStore>();

        async Task ResolvesAsTheEventsSayAsync(string because)
        {
            await using var query = store.QuerySession();
            var taken = await SnapshotQueries.ListAsync(query, assessment.Id, CancellationToken.None);
            taken.Select(s => s.Label).ShouldBe(["before-verdicts", "after-verdicts"]);
            foreach (var snapshot in taken)
            {
                (await SnapshotQueries.FindAsync(query, assessment.Id, snapshot.Label, CancellationToken.None)).ShouldBe(snapshot, because);
                (await facilitator.GetJsonAsync($"{assessment.Url}?snapshot={snapshot.Label}")).ToJsonString()
                    .ShouldBe((await facilitator.GetJsonAsync($"{assessment.Url}?version={snapshot.Version}")).ToJsonString(), because);
            }

            (await SnapshotQueries.FindAsync(query, assessment.Id, "never-taken", CancellationToken.None)).ShouldBeNull(because);
        }

        await using (var query = store.QuerySession())
        {
            (await query.Query<HistoryRecord>().Where(r => r.AssessmentId == assessment.Id && r.Snapshot != null).Select(r => r.Snapshot!).ToListAsync())
                .ShouldBe(["before-verdicts", "after-verdicts"], ignoreOrder: true);
        }

        await ResolvesAsTheEventsSayAsync("from the read model");

        // Records written before the read model kept labels have none: the label is then found in the events.
        await using (var session = store.LightweightSession())
        {
            foreach (var record in await session.Query<HistoryRecord>().Where(r => r.AssessmentId == assessment.Id && r.Snapshot != null).ToListAsync())
            {
                record.Snapshot = null;
                session.Store(record);
            }

            await session.SaveChangesAsync();
        }

        await ResolvesAsTheEventsSayAsync("from the events");
    }

    /// <summary>Two areas, two reviewers, a joint score, verdicts, a priority, a snapshot and a decision model.</summary>
    private static async Task<(TestAssessment Assessment, HttpClient Facilitator)> BusyAssessmentAsync(TestApp app)
    {
        var facilitator = await app.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        var (payroll, fleet) = (assessment.Areas["Payroll"], assessment.Areas["Fleet"]);
        var city = await app.SignInAsync("Cathy", "city", "reviewer");
        var county = await app.SignInAsync("Cole", "county", "reviewer");
        var ratings = $"{assessment.Url}/ratings";
        for (var i = 0; i < 12; i++)
        {
            await city.PostJsonAsync(ratings, new { areaId = i % 3 == 0 ? fleet : payroll, factor = i % 2 == 0 ? "similarity" : "efficiencies", score = i % 5, rationale = $"city {i}" });
            await county.PostJsonAsync(ratings, new { areaId = payroll, factor = "similarity", score = (i + 2) % 5 });
        }

        await facilitator.PostJsonAsync(ratings, new { areaId = payroll, factor = "similarity", score = 3, rationale = "agreed" });
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "before-verdicts" }, HttpStatusCode.Created);
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Yes", nextSteps = "Joint RFP" });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Maybe", rationale = "second thoughts" });
        await facilitator.PostJsonAsync($"{assessment.Url}/priorities", new { areaId = payroll, priority = true, focus = "Central payroll" });
        await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = fleet, factor = "similarity", score = 1 });
        return (assessment, facilitator);
    }

    /// <summary>The audit trail as history answered it before the read model: every event of the stream folded.</summary>
    private static async Task<IReadOnlyList<HistoryEntry>> FoldedTrailAsync(IQuerySession query, Guid assessmentId) =>
        AuditTrail.Build(await query.Events.FetchStreamAsync(assessmentId));

    private static string Render(IEnumerable<HistoryEntry> entries) => JsonNode.Parse(JsonSerializer.Serialize(entries.ToList(), Json))!.ToJsonString();
}
