using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.History;

public sealed class HistoryTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task the_history_says_who_when_what_from_what_to_what_and_why_and_filters_by_area_factor_and_version()
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Audit", "IT");
        var invite = await App.InviteAsync("Cathy City", "city", "reviewer");
        var reviewer = App.ClientFor(invite);

        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Audit"], factor = "similarity", score = 1 });
        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "efficiencies", score = 3, rationale = "Shared help desk" });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["IT"], verdict = "Maybe", rationale = "Needs more data" });

        var all = (await facilitator.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        all.Select(e => e!.Version()).ShouldBe(Enumerable.Range(1, (int)assessment.Version + 3).Select(v => (long)v));
        all[0]!["type"]!.GetValue<string>().ShouldBe("AssessmentCreated");

        var it = (await facilitator.GetJsonAsync($"{assessment.Url}/history?areaId={assessment.Areas["IT"]}")).AsArray();
        it.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["FunctionalAreaAdded", "FactorRated", "VerdictRecorded"]);

        var rating = it[1]!;
        rating["actor"]!.Get<Guid>("id").ShouldBe(invite.ParticipantId);
        rating["actor"]!["name"]!.GetValue<string>().ShouldBe("Cathy City");
        rating["actor"]!["org"]!.GetValue<string>().ShouldBe("city");
        rating["actor"]!["role"]!.GetValue<string>().ShouldBe("reviewer");
        rating["area"]!.GetValue<string>().ShouldBe("IT");
        rating["factor"]!.GetValue<string>().ShouldBe("efficiencies");
        rating["before"].ShouldBeNull();
        rating["after"]!.GetValue<int>().ShouldBe(3);
        rating["rationale"]!.GetValue<string>().ShouldBe("Shared help desk");
        rating.Get<DateTimeOffset>("at").ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
        rating["correlationId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var verdict = it[2]!;
        verdict["before"].ShouldBeNull();
        verdict["after"]!["verdict"]!.GetValue<string>().ShouldBe("Maybe");
        verdict["actor"]!["role"]!.GetValue<string>().ShouldBe("facilitator");

        var efficiencies = (await facilitator.GetJsonAsync($"{assessment.Url}/history?factor=efficiencies")).AsArray();
        efficiencies.Count.ShouldBe(1);
        var since = (await facilitator.GetJsonAsync($"{assessment.Url}/history?since={assessment.Version + 1}")).AsArray();
        since.Select(e => e!.Version()).ShouldBe([assessment.Version + 2, assessment.Version + 3]);

        await (await facilitator.GetAsync($"{assessment.Url}/history?factor=cost")).ProblemAsync(System.Net.HttpStatusCode.BadRequest, "factor");
    }
}
