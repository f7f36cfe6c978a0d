using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Decisions;

public sealed class DecisionModelTests(SharedApp shared)
{
    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    private TestApp App => shared.App;

    private static async Task<long> RecordJoints(HttpClient facilitator, TestAssessment assessment, string area, params int?[] joints)
    {
        long version = assessment.Version;
        for (var i = 0; i < Factors.Length; i++)
        {
            if (joints[i] is { } score)
            {
                version = (await facilitator.PostJsonAsync($"{assessment.Url}/ratings",
                    new { areaId = assessment.Areas[area], factor = Factors[i], score })).Version();
            }
        }

        return version;
    }

    [Fact]
    public async Task before_anyone_sets_a_model_the_board_suggests_a_verdict_with_equal_weights_beside_the_recorded_one()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet");
        await RecordJoints(facilitator, assessment, "Payroll", 4, 3, 2, 2);
        await RecordJoints(facilitator, assessment, "Fleet", 3, null, 2, 2);
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Payroll"], verdict = "Maybe" });

        var board = await facilitator.GetJsonAsync(assessment.Url);

        var model = board["decisionModel"]!;
        model["isDefault"]!.GetValue<bool>().ShouldBeTrue();
        Factors.ShouldAllBe(f => model["weights"]![f]!.GetValue<double>() == 1);
        model["thresholds"]!["yes"]!.GetValue<double>().ShouldBe(2.5);
        model["thresholds"]!["maybe"]!.GetValue<double>().ShouldBe(1.5);

        // (4 + 3 + 2 + 2) / 4 = 2.75: Yes is suggested, Maybe stays the recorded verdict.
        var payroll = TestAssessment.Area(board, "Payroll");
        payroll["verdict"]!.GetValue<string>().ShouldBe("Maybe");
        payroll["score"]!.GetValue<double>().ShouldBe(2.75);
        payroll["suggestedVerdict"]!.GetValue<string>().ShouldBe("Yes");
        payroll["suggestionReason"].ShouldBeNull();
        var weight = payroll["whatFlips"]!["weight"]!;
        weight["factor"]!.GetValue<string>().ShouldBe("similarity");
        weight["to"]!.GetValue<double>().ShouldBe(1.0 / 3, 1e-12);
        weight["flipsAtTo"]!.GetValue<bool>().ShouldBeFalse();
        weight["newVerdict"]!.GetValue<string>().ShouldBe("Maybe");
        weight["reading"]!.GetValue<string>().ShouldBe("a weight below 0.333 for similarity (now 1) suggests Maybe");
        var rating = payroll["whatFlips"]!["rating"]!;
        (rating["factor"]!.GetValue<string>(), rating["from"]!.GetValue<int>(), rating["to"]!.GetValue<int>()).ShouldBe(("similarity", 4, 2));

        var fleet = TestAssessment.Area(board, "Fleet");
        fleet["score"].ShouldBeNull();
        fleet["suggestedVerdict"].ShouldBeNull();
        fleet["suggestionReason"]!.GetValue<string>().ShouldStartWith("no joint rating yet for efficiencies");
        fleet["whatFlips"]!["weight"].ShouldBeNull();
        fleet["whatFlips"]!["weightReason"]!.GetValue<string>().ShouldStartWith("no suggested verdict to change");
    }

    [Fact]
    public async Task a_facilitator_sets_weights_and_thresholds_the_suggestion_follows_and_the_history_and_replay_keep_both()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var rated = await RecordJoints(facilitator, assessment, "IT", 3, 2, 1, null);
        TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "IT")["suggestedVerdict"].ShouldBeNull("centralization weighs 1 by default");

        var set = await facilitator.PostJsonAsync($"{assessment.Url}/decision-model", new
        {
            weights = new { similarity = 2, efficiencies = 1, challenges = 1, centralization = 0 },
            thresholds = new { yes = 3, maybe = 2 },
            rationale = "Centralization is out of scope this phase",
            expectedVersion = rated
        });
        set.Version().ShouldBe(rated + 1);

        // (2 * 3 + 1 * 2 + 1 * 1) / 4 = 2.25: at least 2, below 3.
        var board = await facilitator.GetJsonAsync(assessment.Url);
        board["decisionModel"]!["isDefault"]!.GetValue<bool>().ShouldBeFalse();
        board["decisionModel"]!["weights"]!["similarity"]!.GetValue<double>().ShouldBe(2);
        var it = TestAssessment.Area(board, "IT");
        it["score"]!.GetValue<double>().ShouldBe(2.25);
        it["suggestedVerdict"]!.GetValue<string>().ShouldBe("Maybe");

        var history = (await facilitator.GetJsonAsync($"{assessment.Url}/history?since={rated}")).AsArray().Single()!;
        history["type"]!.GetValue<string>().ShouldBe("DecisionModelSet");
        history["field"]!.GetValue<string>().ShouldBe("decisionModel");
        history["before"]!["isDefault"]!.GetValue<bool>().ShouldBeTrue();
        history["after"]!["thresholds"]!["yes"]!.GetValue<double>().ShouldBe(3);
        history["rationale"]!.GetValue<string>().ShouldBe("Centralization is out of scope this phase");

        var before = await facilitator.GetJsonAsync($"{assessment.Url}?version={rated}");
        before["decisionModel"]!["isDefault"]!.GetValue<bool>().ShouldBeTrue();
        TestAssessment.Area(before, "IT")["suggestedVerdict"].ShouldBeNull();
    }

    public static TheoryData<string, string> BadModels => new()
    {
        { """{"thresholds":{"yes":3,"maybe":2}}""", "weights" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1,"cost":1},"thresholds":{"yes":3,"maybe":2}}""", "weights.cost" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1},"thresholds":{"yes":3,"maybe":2}}""", "weights.centralization" },
        { """{"weights":{"similarity":-1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":3,"maybe":2}}""", "weights.similarity" },
        { """{"weights":{"similarity":1,"efficiencies":1001,"challenges":1,"centralization":1},"thresholds":{"yes":3,"maybe":2}}""", "weights.efficiencies" },
        { """{"weights":{"similarity":0,"efficiencies":0,"challenges":0,"centralization":0},"thresholds":{"yes":3,"maybe":2}}""", "weights" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1}}""", "thresholds" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":4.5,"maybe":2}}""", "thresholds.yes" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":3,"maybe":-0.5}}""", "thresholds.maybe" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":3}}""", "thresholds.maybe" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":2,"maybe":3}}""", "thresholds.yes" },
        { """{"weights":{"similarity":1,"efficiencies":1,"challenges":1,"centralization":1},"thresholds":{"yes":3,"maybe":2},"rationale":"LONG"}""", "rationale" }
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public async Task a_bad_model_names_the_field_and_writes_nothing(string json, string field)
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");

        var response = await facilitator.PostAsync($"{assessment.Url}/decision-model",
            new StringContent(json.Replace("LONG", new string('r', 2001)), Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task only_facilitators_set_a_model_for_an_assessment_that_exists_at_the_version_they_saw()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var model = new
        {
            weights = new { similarity = 1, efficiencies = 1, challenges = 1, centralization = 1 },
            thresholds = new { yes = 3, maybe = 2 }
        };

        await (await reviewer.PostAsJsonAsync($"{assessment.Url}/decision-model", model)).ProblemAsync(HttpStatusCode.Forbidden);
        (await facilitator.PostAsJsonAsync($"/api/assessments/{Guid.NewGuid()}/decision-model", model)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stale = await (await facilitator.PostAsJsonAsync($"{assessment.Url}/decision-model",
            new { model.weights, model.thresholds, expectedVersion = assessment.Version - 1 })).ProblemAsync(HttpStatusCode.Conflict);
        stale["currentVersion"]!.GetValue<long>().ShouldBe(assessment.Version);

        var board = await facilitator.GetJsonAsync(assessment.Url);
        board.Version().ShouldBe(assessment.Version);
        board["decisionModel"]!["isDefault"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task sensitivity_lists_each_factors_flips_and_replays_at_any_point()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var first = await RecordJoints(facilitator, assessment, "Payroll", 4, 2, 2, 0);
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "workshop" }, HttpStatusCode.Created);
        await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "efficiencies", score = 4 });

        // At the snapshot: (4 + 2 + 2 + 0) / 4 = 2, Maybe; centralization's weight at 0.2 or less gives Yes (8 / 3.2 = 2.5).
        var then = await facilitator.GetJsonAsync($"{assessment.Url}/sensitivity?snapshot=workshop");
        then.Version().ShouldBe(first + 1);
        then["decisionModel"]!["isDefault"]!.GetValue<bool>().ShouldBeTrue();
        var area = then["areas"]!.AsArray().Single()!;
        area["name"]!.GetValue<string>().ShouldBe("Payroll");
        area["score"]!.GetValue<double>().ShouldBe(2);
        area["suggestedVerdict"]!.GetValue<string>().ShouldBe("Maybe");
        area["recordedVerdict"].ShouldBeNull();
        var centralization = area["byFactor"]!["centralization"]!;
        centralization["weight"]!.GetValue<double>().ShouldBe(1);
        centralization["joint"]!.GetValue<int>().ShouldBe(0);
        centralization["weightDown"]!["to"]!.GetValue<double>().ShouldBe(0.2, 1e-12);
        centralization["weightDown"]!["flipsAtTo"]!.GetValue<bool>().ShouldBeTrue();
        centralization["weightDown"]!["newVerdict"]!.GetValue<string>().ShouldBe("Yes");
        area["whatFlips"]!["rating"]!["reading"]!.GetValue<string>().ShouldBe("a joint rating of 4 for efficiencies (now 2) suggests Yes");

        // Now: (4 + 4 + 2 + 0) / 4 = 2.5, Yes.
        var now = await facilitator.GetJsonAsync($"{assessment.Url}/sensitivity");
        now["areas"]![0]!["suggestedVerdict"]!.GetValue<string>().ShouldBe("Yes");
        var board = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Payroll");
        board["whatFlips"]!.ToJsonString().ShouldBe(now["areas"]![0]!["whatFlips"]!.ToJsonString(), "board and sensitivity say the same");

        await (await facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/sensitivity")).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{assessment.Url}/sensitivity?version=0")).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await facilitator.GetAsync($"{assessment.Url}/sensitivity?snapshot=nope")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
