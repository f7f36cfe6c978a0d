using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Sessions;

/// <summary>What only a facilitator may do, tried by a reviewer and by an observer: each is refused and writes nothing.</summary>
public sealed class FacilitatorOnlyActionsTests(SharedApp shared)
{
    [Theory]
    [InlineData("city", "reviewer")]
    [InlineData("county", "reviewer")]
    [InlineData("wpf", "observer")]
    public async Task every_facilitator_only_action_is_forbidden_to_reviewers_and_observers_and_writes_nothing(string org, string role)
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var invite = await workshop.AddAsync($"Someone ({role}, {org})", org, role);
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        var someone = workshop.App.ClientFor(invite);
        var (assessment, session) = (workshop.Assessment.Url, workshop.SessionUrl);
        var area = workshop.Assessment.Areas["Payroll"];
        var before = await VersionsAsync(workshop);

        (string What, string Url, object Body)[] actions =
        [
            ("reveal", $"{session}/rounds/{roundId}/reveal", new { }),
            ("close round", $"{session}/rounds/{roundId}/close", new { }),
            ("re-vote", $"{session}/rounds/{roundId}/revote", new { }),
            ("discard", $"{session}/rounds/{roundId}/discard", new { }),
            ("undo", $"{session}/undo", new { }),
            ("open session", "/api/sessions", new { assessmentId = workshop.Assessment.Id, title = "Mine" }),
            ("close session", $"{session}/close", new { }),
            ("invite to session", $"{session}/participants", new { participantId = invite.ParticipantId }),
            ("open round", $"{session}/rounds", new { areaId = area, factors = new[] { "similarity" }, blind = false }),
            ("start phase", $"{assessment}/phases", new { phase = "phase-9", name = "Mine" }),
            ("pause phase", $"{assessment}/phases/phase-1/pause", new { }),
            ("priority", $"{assessment}/priorities", new { areaId = area, priority = true, focus = "Mine" }),
            ("add area", $"{assessment}/areas", new { name = "Mine" }),
            ("verdict", $"{assessment}/verdicts", new { areaId = area, verdict = "Yes" }),
            ("snapshot", $"{assessment}/snapshots", new { label = "mine" }),
            ("decision model", $"{assessment}/decision-model", new { }),
            ("invite someone", "/api/invites", new { name = "Another", org = "city", role = "facilitator" })
        ];

        foreach (var (what, url, body) in actions)
        {
            var response = await someone.PostAsJsonAsync(url, body);
            (await response.ProblemAsync(HttpStatusCode.Forbidden))["status"]!.GetValue<int>().ShouldBe(403, what);
        }

        (await VersionsAsync(workshop)).ShouldBe(before, "a refused action writes nothing");
    }

    [Fact]
    public async Task a_reviewer_cannot_rate_on_behalf_of_another_and_a_rating_in_a_round_carries_the_org_of_the_token()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var countyInvite = await workshop.AddAsync("Cole County", "county", "reviewer");
        var roundId = await workshop.OpenRoundAsync(blind: false, "similarity");
        var city = workshop.App.ClientFor(cityInvite);
        var url = $"{workshop.Assessment.Url}/ratings";
        var area = workshop.Assessment.Areas["Payroll"];
        var before = await VersionsAsync(workshop);

        var forOther = await city.PostAsJsonAsync(url, new { areaId = area, factor = "similarity", score = 4, roundId, onBehalfOf = countyInvite.ParticipantId });
        await forOther.ProblemAsync(HttpStatusCode.Forbidden);
        (await VersionsAsync(workshop)).ShouldBe(before, "the refused rating wrote nothing");

        // A body that claims the other government is not believed: the org is the token's.
        await city.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 1, roundId, org = "county", reviewerOrg = "county" });
        var rating = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["ratings"]!.AsArray().Single()!;
        rating["org"]!.GetValue<string>().ShouldBe("city");
        rating.Get<Guid>("participantId").ShouldBe(cityInvite.ParticipantId);
        var cell = TestAssessment.Area(await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url), "Payroll")["ratings"]!["similarity"]!;
        cell["city"]!.GetValue<double>().ShouldBe(1);
        cell["county"].ShouldBeNull();
    }

    private static async Task<(long Assessment, long Session)> VersionsAsync(Workshop workshop) =>
        ((await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url)).Version(),
            (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["sessionVersion"]!.GetValue<long>());
}
