using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Replay;

public sealed class DiffTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task the_diff_lists_each_changed_cell_with_before_after_and_the_events_that_led_there()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Audit");
        var payroll = assessment.Areas["Payroll"];
        var city = await App.SignInAsync("Cathy", "city", "reviewer");

        await city.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 2 });
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "before-workshop" }, HttpStatusCode.Created);
        await city.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 3, rationale = "Same vendor" });
        await city.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 4, rationale = "Same vendor and contract" });
        var last = await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Yes", nextSteps = "Joint RFP", rationale = "Workshop agreed" });

        var diff = (await facilitator.GetJsonAsync($"{assessment.Url}/diff?from=before-workshop&to={last.Version()}")).AsArray();

        diff.Select(c => c!["field"]!.GetValue<string>()).ShouldBe(["verdict", "nextSteps", "ratings.similarity.city"], ignoreOrder: true);
        diff.ShouldAllBe(c => c!["area"]!.GetValue<string>() == "Payroll");
        var rating = diff.Single(c => c!["field"]!.GetValue<string>() == "ratings.similarity.city")!;
        rating["before"]!.GetValue<double>().ShouldBe(2);
        rating["after"]!.GetValue<double>().ShouldBe(4);
        var changes = rating["changes"]!.AsArray();
        changes.Select(c => c!["rationale"]!.GetValue<string>()).ShouldBe(["Same vendor", "Same vendor and contract"]);
        changes.ShouldAllBe(c => c!["actor"]!["name"]!.GetValue<string>() == "Cathy");
        var verdict = diff.Single(c => c!["field"]!.GetValue<string>() == "verdict")!;
        verdict["before"].ShouldBeNull();
        verdict["after"]!.GetValue<string>().ShouldBe("Yes");
        verdict["changes"]!.AsArray().Single()!["rationale"]!.GetValue<string>().ShouldBe("Workshop agreed");

        var none = (await facilitator.GetJsonAsync($"{assessment.Url}/diff?from={last.Version()}&to={last.Version()}")).AsArray();
        none.Count.ShouldBe(0);
    }

    [Fact]
    public async Task the_seeded_study_diffs_phase_1_against_now()
    {
        var observer = await App.SignInAsync("Olive", "wpf", "observer");
        var study = $"/api/assessments/{ServiceSharing.Web.Seed.MilwaukeeStudy.AssessmentId}";
        var diff = (await observer.GetJsonAsync($"{study}/diff?from=phase-1&to={(await observer.GetJsonAsync(study)).Version()}")).AsArray();

        diff.Where(c => c!["field"]!.GetValue<string>() == "priority").Select(c => c!["area"]!.GetValue<string>())
            .ShouldBe(["Payroll", "Procurement", "Fleet Management", "Facilities Management", "Wellness", "Mowing"], ignoreOrder: true);
        diff.Where(c => c!["field"]!.GetValue<string>() == "name").Select(c => c!["after"]!.GetValue<string>())
            .ShouldBe(["Wellness", "Mowing"], ignoreOrder: true);
    }

    [Fact]
    public async Task missing_or_unknown_points_name_the_field()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        await (await facilitator.GetAsync($"{assessment.Url}/diff?to=1")).ProblemAsync(HttpStatusCode.BadRequest, "from");
        await (await facilitator.GetAsync($"{assessment.Url}/diff?from=1&to=99")).ProblemAsync(HttpStatusCode.BadRequest, "to");
        await (await facilitator.GetAsync($"{assessment.Url}/diff?from=nope&to=1")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
