using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Deciding;

public sealed class DecidingTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task a_facilitator_records_and_changes_a_verdict_with_next_steps()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Fleet");
        var area = assessment.Areas["Fleet"];

        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = area, verdict = "Maybe", nextSteps = "Look at shared garages", rationale = "First pass" });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = area, verdict = "yes", rationale = "Garage study came back" });

        var fleet = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Fleet");
        fleet["verdict"]!.GetValue<string>().ShouldBe("Yes");
        fleet["nextSteps"]!.GetValue<string>().ShouldBe("Look at shared garages", "leaving nextSteps out keeps them");

        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = area, verdict = "No", nextSteps = "" });
        TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Fleet")["nextSteps"].ShouldBeNull();
    }

    [Fact]
    public async Task reviewers_may_not_decide_and_unknown_verdicts_name_the_field()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Fleet");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");

        await (await reviewer.PostAsJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Fleet"], verdict = "Yes" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Fleet"], verdict = "Perhaps" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "verdict");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Fleet"], verdict = "1" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "verdict");
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task priorities_are_marked_and_unmarked()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var area = assessment.Areas["Payroll"];

        await facilitator.PostJsonAsync($"{assessment.Url}/priorities", new { areaId = area, priority = true, focus = "Central Payroll" });
        var payroll = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Payroll");
        payroll["priority"]!.GetValue<bool>().ShouldBeTrue();
        payroll["priorityFocus"]!.GetValue<string>().ShouldBe("Central Payroll");

        await facilitator.PostJsonAsync($"{assessment.Url}/priorities", new { areaId = area, priority = false, rationale = "Done" });
        TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Payroll")["priority"]!.GetValue<bool>().ShouldBeFalse();

        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/priorities", new { areaId = area })).ProblemAsync(HttpStatusCode.BadRequest, "priority");
    }

    [Fact]
    public async Task phases_start_pause_resume_and_complete()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Mowing");

        await facilitator.PostJsonAsync($"{assessment.Url}/phases", new { phase = "phase-2", name = "Deeper dive" });
        await facilitator.PostJsonAsync($"{assessment.Url}/phases/phase-2/pause", new { rationale = "Budget season" });
        var paused = await facilitator.GetJsonAsync(assessment.Url);
        paused["status"]!.GetValue<string>().ShouldBe("on-hold");
        paused["currentPhase"]!.GetValue<string>().ShouldBe("phase-2");

        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/phases/phase-2/pause", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await facilitator.PostJsonAsync($"{assessment.Url}/phases/phase-2/resume", new { });
        (await facilitator.GetJsonAsync(assessment.Url))["status"]!.GetValue<string>().ShouldBe("active");
        await facilitator.PostJsonAsync($"{assessment.Url}/phases/phase-2/complete", new { });
        (await facilitator.GetJsonAsync(assessment.Url))["status"]!.GetValue<string>().ShouldBe("completed");

        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/phases/phase-9/pause", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/phases", new { phase = "Phase II!", name = "x" })).ProblemAsync(HttpStatusCode.BadRequest, "phase");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/phases", new { phase = "phase-2", name = "again" })).ProblemAsync(HttpStatusCode.BadRequest, "phase");

        var phases = (await facilitator.GetJsonAsync($"{assessment.Url}/history")).AsArray().Where(h => h!["field"]!.GetValue<string>() == "phase").ToList();
        phases.Select(p => p!["after"]!["status"]!.GetValue<string>()).ShouldBe(["active", "on-hold", "active", "completed"]);
        phases[1]!["rationale"]!.GetValue<string>().ShouldBe("Budget season");
    }
}
