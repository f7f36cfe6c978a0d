using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Sessions;

public sealed class ListSessionsTests(SharedApp shared)
{
    [Fact]
    public async Task an_assessments_sessions_are_listed_open_ones_first_and_reviewers_see_only_those_they_are_invited_to()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App, null, "Payroll");
        var url = $"{workshop.Assessment.Url}/sessions";
        var second = await workshop.Facilitator.PostJsonAsync("/api/sessions",
            new { assessmentId = workshop.Assessment.Id, title = "Follow-up" }, HttpStatusCode.Created);
        var round = await workshop.OpenRoundAsync(blind: true);
        await workshop.Facilitator.PostJsonAsync($"/api/sessions/{second.Get<Guid>("id")}/close", new { });
        var invited = await workshop.AddAsync("Cathy", "city", "reviewer");
        using var outsider = await shared.App.SignInAsync("Otto", "county", "reviewer");

        var all = (await workshop.Facilitator.GetJsonAsync(url)).AsArray();
        all.Select(s => s!["title"]!.GetValue<string>()).ShouldBe(["Joint workshop", "Follow-up"]);
        all[0]!["closed"]!.GetValue<bool>().ShouldBeFalse();
        all[0]!.Get<Guid>("openRoundId").ShouldBe(round);
        all[0]!["invited"]!.GetValue<int>().ShouldBe(2);
        all[1]!["closed"]!.GetValue<bool>().ShouldBeTrue();

        var mine = (await shared.App.ClientFor(invited).GetJsonAsync(url)).AsArray();
        mine.Select(s => s!.Get<Guid>("id")).ShouldBe([workshop.SessionId]);
        (await outsider.GetJsonAsync(url)).AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_assessment_has_no_sessions_to_list()
    {
        using var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        await (await facilitator.GetAsync($"/api/assessments/{Guid.NewGuid()}/sessions")).ProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = shared.App.Anonymous();
        (await anonymous.GetAsync($"/api/assessments/{Guid.NewGuid()}/sessions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
