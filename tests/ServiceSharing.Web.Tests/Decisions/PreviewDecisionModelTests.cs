using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Decisions;

public sealed class PreviewDecisionModelTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static object Model(double similarity, double yes, double maybe = 1.5) => new
    {
        weights = new { similarity, efficiencies = 1.0, challenges = 1.0, centralization = 1.0 },
        thresholds = new { yes, maybe }
    };

    [Fact]
    public async Task a_preview_answers_every_area_under_the_numbers_tried_and_writes_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "IT");
        long version = 0;
        foreach (var (factor, score) in new[] { ("similarity", 4), ("efficiencies", 3), ("challenges", 2), ("centralization", 2) })
        {
            version = (await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor, score })).Version();
        }

        // Equal weights: (4 + 3 + 2 + 2) / 4 = 2.75, Yes from 2.5. With Yes from 3 it is a Maybe; similarity weighing 5 lifts it to 3.375.
        var strict = await facilitator.PostJsonAsync($"{assessment.Url}/decision-model/preview", Model(1, 3));
        var payroll = TestAssessment.Area(strict, "Payroll");
        payroll["suggestedVerdict"]!.GetValue<string>().ShouldBe("Maybe");
        payroll["whatFlips"]!["weight"]!["newVerdict"]!.GetValue<string>().ShouldBe("Yes");
        TestAssessment.Area(strict, "IT")["suggestedVerdict"].ShouldBeNull();
        strict["decisionModel"]!["thresholds"]!["yes"]!.GetValue<double>().ShouldBe(3);
        var weighted = await facilitator.PostJsonAsync($"{assessment.Url}/decision-model/preview", Model(5, 3));
        TestAssessment.Area(weighted, "Payroll")["score"]!.GetValue<double>().ShouldBe(3.375);
        TestAssessment.Area(weighted, "Payroll")["suggestedVerdict"]!.GetValue<string>().ShouldBe("Yes");

        var board = await facilitator.GetJsonAsync(assessment.Url);
        board.Version().ShouldBe(version, "a preview is not an event");
        board["decisionModel"]!["isDefault"]!.GetValue<bool>().ShouldBeTrue();
        TestAssessment.Area(board, "Payroll")["suggestedVerdict"]!.GetValue<string>().ShouldBe("Yes");
    }

    [Fact]
    public async Task previews_are_for_facilitators_name_the_bad_field_and_know_no_unknown_assessment()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        foreach (var role in new[] { "reviewer", "observer" })
        {
            var client = await App.SignInAsync("Someone", "county", role);
            await (await client.PostAsJsonAsync($"{assessment.Url}/decision-model/preview", Model(1, 2.5))).ProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/decision-model/preview", Model(-1, 2.5))).ProblemAsync(HttpStatusCode.BadRequest, "weights.similarity");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/decision-model/preview", Model(1, 1, 2))).ProblemAsync(HttpStatusCode.BadRequest, "thresholds.yes");
        await (await facilitator.PostAsJsonAsync($"/api/assessments/{Guid.NewGuid()}/decision-model/preview", Model(1, 2.5))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
