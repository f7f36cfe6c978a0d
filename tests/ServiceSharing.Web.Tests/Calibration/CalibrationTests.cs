using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Calibration;

public sealed class CalibrationTests(SharedApp shared)
{
    private TestApp App => shared.App;

    /// <summary>An assessment with three areas, a facilitator, three reviewers and an observer.</summary>
    private sealed record Panel(TestAssessment Assessment, HttpClient Facilitator, HttpClient Cathy, HttpClient Carl, HttpClient Cole, HttpClient Observer)
    {
        public string Rounds => $"{Assessment.Url}/calibrations";
    }

    private async Task<Panel> PanelAsync()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        return new Panel(
            await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "IT"),
            facilitator,
            await App.SignInAsync("Cathy", "city", "reviewer"),
            await App.SignInAsync("Carl", "city", "reviewer"),
            await App.SignInAsync("Cole", "county", "reviewer"),
            await App.SignInAsync("Olive", "city", "observer"));
    }

    private static async Task<string> OpenAsync(Panel panel, params string[] areas)
    {
        var opened = await panel.Facilitator.PostJsonAsync(panel.Rounds,
            new { areaIds = areas.Select(a => panel.Assessment.Areas[a]), rationale = "Warm-up" }, HttpStatusCode.Created);
        return $"{panel.Rounds}/{opened.Get<Guid>("roundId")}";
    }

    private static Task<JsonNode> RateAsync(HttpClient reviewer, string round, Panel panel, string area, string factor, int score) =>
        reviewer.PostJsonAsync($"{round}/ratings", new { areaId = panel.Assessment.Areas[area], factor, score });

    [Fact]
    public async Task a_round_is_blind_until_the_reveal_and_then_each_reviewer_sees_how_far_they_sat_from_the_median()
    {
        var panel = await PanelAsync();
        var opened = await (await panel.Facilitator.PostAsJsonAsync(panel.Rounds, new { areaIds = new[] { panel.Assessment.Areas["Payroll"] } })).JsonAsync(HttpStatusCode.Created);
        opened.Version().ShouldBe(1);
        var round = $"{panel.Rounds}/{opened.Get<Guid>("roundId")}";

        await RateAsync(panel.Cathy, round, panel, "Payroll", "similarity", 3);
        await RateAsync(panel.Cathy, round, panel, "Payroll", "efficiencies", 4);
        await RateAsync(panel.Carl, round, panel, "Payroll", "similarity", 1);
        await RateAsync(panel.Carl, round, panel, "Payroll", "efficiencies", 2);
        var last = await RateAsync(panel.Cole, round, panel, "Payroll", "similarity", 2);
        last.Version().ShouldBe(6);

        // Before the reveal Carl sees his own scores and only who has rated; nobody sees a panel.
        var carlsView = await panel.Carl.GetJsonAsync(round);
        carlsView["status"]!.GetValue<string>().ShouldBe("open");
        carlsView["panel"].ShouldBeNull();
        carlsView["panelReason"]!.GetValue<string>().ShouldBe("hidden until the facilitator reveals the round");
        carlsView["raters"]!.AsArray().Select(r => (r!["name"]!.GetValue<string>(), r["cellsRated"]!.GetValue<int>()))
            .ShouldBe([("Carl", 2), ("Cathy", 2), ("Cole", 1)]);
        carlsView["raters"]!.AsArray().ShouldAllBe(r => !r!.AsObject().ContainsKey("score"));
        carlsView["mine"]!.AsArray().Select(m => (m!["factor"]!.GetValue<string>(), m["score"]!.GetValue<int>()))
            .ShouldBe([("efficiencies", 2), ("similarity", 1)]);
        carlsView["mine"]!.AsArray().ShouldAllBe(m => m!["panelMedian"] == null);
        var facilitatorsView = await panel.Facilitator.GetJsonAsync(round);
        facilitatorsView["mine"]!.AsArray().Count.ShouldBe(0);
        facilitatorsView["panel"].ShouldBeNull();
        await (await panel.Cathy.GetAsync($"{round}/offsets")).ProblemAsync(HttpStatusCode.Conflict);

        // The anchors travel with the round.
        var anchors = carlsView["anchors"]!.AsArray();
        anchors.Select(a => a!["factor"]!.GetValue<string>()).ShouldBe(["similarity", "efficiencies", "challenges", "centralization"]);
        anchors.ShouldAllBe(a => a!["steps"]!.AsArray().Count == 5);

        await (await panel.Cathy.PostAsJsonAsync($"{round}/reveal", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        (await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { rationale = "Discuss", expectedVersion = 6 })).Version().ShouldBe(7);

        // After: similarity 3, 1, 2 has median 2; efficiencies 4, 2 has median 3. Cathy sat +1 on both.
        var cathysView = await panel.Cathy.GetJsonAsync(round);
        cathysView["status"]!.GetValue<string>().ShouldBe("revealed");
        cathysView.Get<DateTimeOffset>("revealedAt").ShouldBeGreaterThanOrEqualTo(cathysView.Get<DateTimeOffset>("openedAt"));
        cathysView.Get<DateTimeOffset>("openedAt").ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        var similarity = cathysView["panel"]!.AsArray().Single(c => c!["factor"]!.GetValue<string>() == "similarity")!;
        similarity["median"]!.GetValue<double>().ShouldBe(2);
        similarity["ratings"]!.GetValue<int>().ShouldBe(3);
        similarity["distribution"]!.ToJsonString().ShouldBe("""{"0":0,"1":1,"2":1,"3":1,"4":0}""");
        cathysView["mine"]!.AsArray().Select(m => (m!["factor"]!.GetValue<string>(), m["panelMedian"]!.GetValue<double>(), m["difference"]!.GetValue<double>()))
            .ShouldBe([("efficiencies", 3.0, 1.0), ("similarity", 2.0, 1.0)]);

        var cathysOffsets = (await panel.Cathy.GetJsonAsync($"{round}/offsets")).AsArray();
        var mine = cathysOffsets.ShouldHaveSingleItem()!;
        mine["name"]!.GetValue<string>().ShouldBe("Cathy");
        mine["overall"]!["offset"]!.GetValue<double>().ShouldBe(1);
        mine["overall"]!["distance"]!.GetValue<double>().ShouldBe(1);
        mine["byFactor"]!["similarity"]!["offset"]!.GetValue<double>().ShouldBe(1);
        mine["byFactor"]!["challenges"]!["offset"].ShouldBeNull();
        mine["byFactor"]!["challenges"]!["offsetReason"]!.GetValue<string>().ShouldBe("no rating on a cell that at least one other reviewer also rated");

        var everyone = (await panel.Facilitator.GetJsonAsync($"{round}/offsets")).AsArray();
        everyone.Select(o => (o!["name"]!.GetValue<string>(), o["overall"]!["offset"]!.GetValue<double>()))
            .ShouldBe([("Carl", -1.0), ("Cathy", 1.0), ("Cole", 0.0)]);
        (await panel.Observer.GetAsync($"{round}/offsets")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var rounds = (await panel.Facilitator.GetJsonAsync(panel.Rounds)).AsArray();
        rounds.ShouldHaveSingleItem()!["status"]!.GetValue<string>().ShouldBe("revealed");
        rounds[0]!["raters"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task everyone_on_the_assessment_is_told_live_when_a_round_opens_is_rated_and_is_revealed_without_any_score()
    {
        var panel = await PanelAsync();
        await using var watcher = await HubClient.ConnectAsync(App.BaseAddress, await App.InviteAsync("Wanda", "county", "observer"));
        var boardVersion = await watcher.JoinAssessmentAsync(panel.Assessment.Id);

        var round = await OpenAsync(panel, "Payroll");
        await RateAsync(panel.Cathy, round, panel, "Payroll", "similarity", 3);
        await RateAsync(panel.Cole, round, panel, "Payroll", "similarity", 1);
        await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { });

        var messages = await watcher.WaitUntilAsync(received => received.Count(m => m.Name == "CalibrationChanged") >= 4, "four calibration pushes");
        var pushes = messages.Where(m => m.Name == "CalibrationChanged").Select(m => m.Body).ToList();
        pushes.Select(p => (p["change"]!.GetValue<string>(), p["roundVersion"]!.GetValue<long>()))
            .ShouldBe([("opened", 1L), ("rated", 2L), ("rated", 3L), ("revealed", 4L)]);
        pushes.ShouldAllBe(p => p["assessmentId"]!.GetValue<Guid>() == panel.Assessment.Id && $"{panel.Rounds}/{p["roundId"]}" == round);
        pushes.ShouldAllBe(p => !p.AsObject().ContainsKey("score") && !p.AsObject().ContainsKey("reviewerId"), "a calibration push names no score and no reviewer");
        watcher.Messages("BoardChanged").ShouldBeEmpty("practice never moves the board");
        (await panel.Facilitator.GetJsonAsync(panel.Assessment.Url)).Version().ShouldBe(boardVersion);
    }

    [Fact]
    public async Task calibration_ratings_stay_apart_from_the_board_its_history_agreement_and_suggestions()
    {
        var panel = await PanelAsync();
        await panel.Cathy.PostJsonAsync($"{panel.Assessment.Url}/ratings", new { areaId = panel.Assessment.Areas["Fleet"], factor = "similarity", score = 2 });
        await panel.Cole.PostJsonAsync($"{panel.Assessment.Url}/ratings", new { areaId = panel.Assessment.Areas["Fleet"], factor = "similarity", score = 3 });
        async Task<string[]> Reads() =>
        [
            (await panel.Facilitator.GetJsonAsync(panel.Assessment.Url)).ToJsonString(),
            (await panel.Facilitator.GetJsonAsync($"{panel.Assessment.Url}/history")).ToJsonString(),
            (await panel.Facilitator.GetJsonAsync($"{panel.Assessment.Url}/agreement")).ToJsonString(),
            (await panel.Facilitator.GetJsonAsync($"{panel.Assessment.Url}/sensitivity")).ToJsonString()
        ];
        var before = await Reads();

        var round = await OpenAsync(panel, "Payroll", "Fleet");
        await RateAsync(panel.Cathy, round, panel, "Fleet", "similarity", 0);
        await RateAsync(panel.Carl, round, panel, "Fleet", "similarity", 4);
        await RateAsync(panel.Cole, round, panel, "Payroll", "centralization", 4);
        await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { });

        (await Reads()).ShouldBe(before);
    }

    public static TheoryData<string, string> BadOpenings => new()
    {
        { """{"areaIds":[]}""", "areaIds" },
        { """{"areaIds":["PAYROLL","FLEET","IT"]}""", "areaIds" },
        { """{"areaIds":["PAYROLL","PAYROLL"]}""", "areaIds" },
        { """{"areaIds":["00000000-0000-0000-0000-000000000000"]}""", "areaIds" },
        { """{"rationale":"Warm-up"}""", "areaIds" },
        { """{"areaIds":["PAYROLL"],"rationale":"LONG"}""", "rationale" }
    };

    [Theory]
    [MemberData(nameof(BadOpenings))]
    public async Task a_bad_opening_names_the_field_and_opens_nothing(string json, string field)
    {
        var panel = await PanelAsync();
        var body = json.Replace("PAYROLL", panel.Assessment.Areas["Payroll"].ToString()).Replace("FLEET", panel.Assessment.Areas["Fleet"].ToString())
            .Replace("IT\"", panel.Assessment.Areas["IT"] + "\"").Replace("LONG", new string('r', 2001));

        await (await panel.Facilitator.PostAsync(panel.Rounds, new StringContent(body, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest, field);

        (await panel.Facilitator.GetJsonAsync(panel.Rounds)).AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task only_facilitators_open_rounds_on_areas_that_exist_one_open_round_at_a_time()
    {
        var panel = await PanelAsync();
        var payroll = new { areaIds = new[] { panel.Assessment.Areas["Payroll"] } };

        await (await panel.Cathy.PostAsJsonAsync(panel.Rounds, payroll)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await panel.Facilitator.PostAsJsonAsync(panel.Rounds, new { areaIds = new[] { Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.NotFound);
        (await panel.Facilitator.PostAsJsonAsync($"/api/assessments/{Guid.NewGuid()}/calibrations", payroll)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await panel.Facilitator.GetJsonAsync(panel.Rounds)).AsArray().Count.ShouldBe(0);

        var round = await OpenAsync(panel, "Payroll");
        await (await panel.Facilitator.PostAsJsonAsync(panel.Rounds, new { areaIds = new[] { panel.Assessment.Areas["IT"] } })).ProblemAsync(HttpStatusCode.Conflict);
        (await panel.Facilitator.GetJsonAsync(panel.Rounds)).AsArray().Count.ShouldBe(1);

        await RateAsync(panel.Cathy, round, panel, "Payroll", "similarity", 2);
        await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { });
        await OpenAsync(panel, "IT");
        (await panel.Facilitator.GetJsonAsync(panel.Rounds)).AsArray().Count.ShouldBe(2);
        (await panel.Facilitator.GetJsonAsync(panel.Assessment.Url)).Version().ShouldBe(panel.Assessment.Version, "opening rounds never touches the assessment's stream");
    }

    [Fact]
    public async Task practice_ratings_are_refused_clearly_and_write_nothing()
    {
        var panel = await PanelAsync();
        var round = await OpenAsync(panel, "Payroll");
        var payroll = panel.Assessment.Areas["Payroll"];
        async Task VersionIs(long expected) => (await panel.Facilitator.GetJsonAsync(round)).Version().ShouldBe(expected);

        await (await panel.Cathy.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "cost", score = 2 })).ProblemAsync(HttpStatusCode.BadRequest, "factor");
        await (await panel.Cathy.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "similarity", score = 5 })).ProblemAsync(HttpStatusCode.BadRequest, "score");
        await (await panel.Cathy.PostAsJsonAsync($"{round}/ratings", new { factor = "similarity", score = 2 })).ProblemAsync(HttpStatusCode.BadRequest, "areaId");
        await (await panel.Facilitator.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "similarity", score = 2 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await panel.Observer.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "similarity", score = 2 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await panel.Cathy.PostAsJsonAsync($"{round}/ratings", new { areaId = panel.Assessment.Areas["IT"], factor = "similarity", score = 2 })).ProblemAsync(HttpStatusCode.NotFound);
        (await panel.Cathy.PostAsJsonAsync($"{panel.Rounds}/{Guid.NewGuid()}/ratings", new { areaId = payroll, factor = "similarity", score = 2 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stale = await (await panel.Cathy.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "similarity", score = 2, expectedVersion = 7 })).ProblemAsync(HttpStatusCode.Conflict);
        stale["currentVersion"]!.GetValue<long>().ShouldBe(1);
        await VersionIs(1);

        // The same round addressed under another assessment does not exist there.
        var other = await TestAssessment.CreateAsync(panel.Facilitator, "Payroll");
        var misplaced = round.Replace(panel.Assessment.Id.ToString(), other.Id.ToString());
        await (await panel.Cathy.PostAsJsonAsync($"{misplaced}/ratings", new { areaId = payroll, factor = "similarity", score = 2 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await panel.Facilitator.GetAsync(misplaced)).ProblemAsync(HttpStatusCode.NotFound);
        await VersionIs(1);

        await (await panel.Facilitator.PostAsJsonAsync($"{round}/reveal", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await RateAsync(panel.Cathy, round, panel, "Payroll", "similarity", 2);
        await (await panel.Facilitator.PostAsJsonAsync($"{round}/reveal", new { expectedVersion = 1 })).ProblemAsync(HttpStatusCode.Conflict);
        await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { });
        await (await panel.Facilitator.PostAsJsonAsync($"{round}/reveal", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await (await panel.Carl.PostAsJsonAsync($"{round}/ratings", new { areaId = payroll, factor = "similarity", score = 4 })).ProblemAsync(HttpStatusCode.Conflict);
        await VersionIs(3);
        await (await panel.Facilitator.GetAsync($"{panel.Rounds}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await panel.Facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/calibrations")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task drift_compares_where_each_reviewer_sits_in_live_scoring_with_where_they_sat_in_calibration()
    {
        var panel = await PanelAsync();
        var dana = await App.SignInAsync("Dana", "county", "reviewer");
        var round = await OpenAsync(panel, "Payroll");
        // Calibration, similarity 3, 1, 2 (median 2): Cathy +1, Carl -1, Cole 0.
        await RateAsync(panel.Cathy, round, panel, "Payroll", "similarity", 3);
        await RateAsync(panel.Carl, round, panel, "Payroll", "similarity", 1);
        await RateAsync(panel.Cole, round, panel, "Payroll", "similarity", 2);
        await panel.Facilitator.PostJsonAsync($"{round}/reveal", new { });

        // Live, Fleet similarity 3, 3, 1 (median 3): Cathy 0, Carl 0, Cole -2. IT similarity 4, 2, 3 (median 3): Cathy +1, Cole -1, Dana 0.
        async Task Live(HttpClient reviewer, string area, int score) =>
            await reviewer.PostJsonAsync($"{panel.Assessment.Url}/ratings", new { areaId = panel.Assessment.Areas[area], factor = "similarity", score });
        await Live(panel.Cathy, "Fleet", 3);
        await Live(panel.Carl, "Fleet", 3);
        await Live(panel.Cole, "Fleet", 1);
        await Live(panel.Cathy, "IT", 4);
        await Live(panel.Cole, "IT", 2);
        await Live(dana, "IT", 3);

        var report = await panel.Facilitator.GetJsonAsync($"{panel.Rounds}/drift");
        report["definition"]!.GetValue<string>().ShouldStartWith("drift = live offset - calibration offset");
        report.Version().ShouldBe(panel.Assessment.Version + 6);
        var byName = report["reviewers"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!);
        byName.Keys.ShouldBe(["Carl", "Cathy", "Cole", "Dana"]);
        double? Drift(string name) => byName[name]["overall"]!["drift"]?.GetValue<double>();
        Drift("Cathy").ShouldBe(0.5 - 1);   // live (0 + 1) / 2, calibration +1
        Drift("Carl").ShouldBe(0 - -1.0);   // live 0, calibration -1
        Drift("Cole").ShouldBe(-1.5 - 0);   // live (-2 - 1) / 2, calibration 0
        Drift("Dana").ShouldBeNull();
        byName["Dana"]["overall"]!["driftReason"]!.GetValue<string>().ShouldStartWith("not calibrated");
        byName["Cathy"]["calibrationRoundId"]!.GetValue<Guid>().ToString().ShouldBe(round.Split('/')[^1]);
        byName["Cathy"]["byFactor"]!["similarity"]!["live"]!.GetValue<double>().ShouldBe(0.5);
        byName["Cathy"]["byFactor"]!["similarity"]!["calibration"]!.GetValue<double>().ShouldBe(1);
        byName["Cathy"]["byFactor"]!["efficiencies"]!["drift"].ShouldBeNull();

        var own = (await panel.Carl.GetJsonAsync($"{panel.Rounds}/drift"))["reviewers"]!.AsArray();
        own.ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("Carl");
        (await panel.Observer.GetAsync($"{panel.Rounds}/drift")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await panel.Facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/calibrations/drift")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
