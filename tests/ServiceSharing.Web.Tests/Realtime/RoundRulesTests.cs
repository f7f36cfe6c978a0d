using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

public sealed class RoundRulesTests(SharedApp shared)
{
    [Fact]
    public async Task a_round_without_each_orgs_quorum_shows_no_quorum_and_who_is_missing()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App, new { city = 2, county = 1 });
        var cathy = await workshop.AddAsync("Cathy City", "city", "reviewer");
        await workshop.AddAsync("Carl City", "city", "reviewer");
        var cole = await workshop.AddAsync("Cole County", "county", "reviewer");
        var roundId = await workshop.OpenRoundAsync(blind: false, "similarity", "centralization");
        var url = $"{workshop.Assessment.Url}/ratings";
        var area = workshop.Assessment.Areas["Payroll"];

        await workshop.App.ClientFor(cathy).PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 3, roundId });
        await workshop.App.ClientFor(cathy).PostJsonAsync(url, new { areaId = area, factor = "centralization", score = 3, roundId });
        await workshop.App.ClientFor(cole).PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 3, roundId });

        var quorum = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["quorum"]!;
        quorum["agreement"]!.GetValue<string>().ShouldBe("no-quorum");
        var missing = quorum["missing"]!.AsArray();
        missing.Select(m => (m!["org"]!.GetValue<string>(), m["needed"]!.GetValue<int>(), m["have"]!.GetValue<int>()))
            .ShouldBe([("city", 2, 1), ("county", 1, 0)]);
        missing[0]!["notYetRated"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Carl City"]);
        missing[1]!["notYetRated"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["Cole County"]);

        // An open round's scores are on the board at once.
        var payroll = TestAssessment.Area(await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url), "Payroll");
        payroll["ratings"]!["similarity"]!["county"]!.GetValue<double>().ShouldBe(3);
    }

    [Fact]
    public async Task a_facilitators_proxy_entry_is_shown_unconfirmed_until_the_reviewer_confirms_it()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cathy = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var cathyHub = await workshop.ConnectAsync(cathy);
        var roundId = await workshop.OpenRoundAsync(blind: false, "similarity");
        var area = workshop.Assessment.Areas["Payroll"];

        await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = area, factor = "similarity", score = 2, roundId, onBehalfOf = cathy.ParticipantId, rationale = "Said aloud in the room" });

        var submitted = (await cathyHub.WaitForAsync("RatingSubmitted")).Single(m => m.Name == "RatingSubmitted").Body;
        submitted.Get<Guid>("participantId").ShouldBe(cathy.ParticipantId);
        submitted.Get<Guid>("enteredBy").ShouldBe(workshop.FacilitatorInvite.ParticipantId);
        submitted["score"]!.GetValue<int>().ShouldBe(2);
        var rating = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["ratings"]![0]!;
        rating["confirmed"]!.GetValue<bool>().ShouldBeFalse();
        rating.Get<Guid>("enteredBy").ShouldBe(workshop.FacilitatorInvite.ParticipantId);

        var history = (await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}/history?factor=similarity")).AsArray().Single()!;
        history["actor"]!["name"]!.GetValue<string>().ShouldBe("Fran Facilitator");
        history["org"]!.GetValue<string>().ShouldBe("city");

        await (await workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/confirm", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await workshop.App.ClientFor(cathy).PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/confirm", new { });
        (await cathyHub.WaitForAsync("RoundChanged")).Single(m => m.Name == "RoundChanged").Body["change"]!.GetValue<string>().ShouldBe("confirmed");
        (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["ratings"]![0]!["confirmed"]!.GetValue<bool>().ShouldBeTrue();
        await (await workshop.App.ClientFor(cathy).PostAsJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/confirm", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task undo_takes_back_a_verdict_a_close_and_a_reveal_with_compensating_events()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cathy = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var area = workshop.Assessment.Areas["Payroll"];
        var url = $"{workshop.Assessment.Url}/ratings";
        var city = workshop.App.ClientFor(cathy);
        await city.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 1 });
        await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/verdicts", new { areaId = area, verdict = "No" });

        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await city.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 4, roundId });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/close", new { });
        await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/verdicts", new { areaId = area, verdict = "Yes", sessionId = workshop.SessionId });

        async Task<System.Text.Json.Nodes.JsonNode> Payroll() => TestAssessment.Area(await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url), "Payroll");
        (await Payroll())["verdict"]!.GetValue<string>().ShouldBe("Yes");
        (await Payroll())["ratings"]!["similarity"]!["city"]!.GetValue<double>().ShouldBe(4);

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/undo", new { });
        (await Payroll())["verdict"]!.GetValue<string>().ShouldBe("No", "the verdict before the session's comes back");

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/undo", new { });
        (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["status"]!.GetValue<string>().ShouldBe("revealed");

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/undo", new { });
        (await Payroll())["ratings"]!["similarity"]!["city"]!.GetValue<double>().ShouldBe(1, "the score from before the round comes back");
        var session = await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl);
        session["rounds"]![0]!["status"]!.GetValue<string>().ShouldBe("voting");

        await (await workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/undo", new { })).ProblemAsync(HttpStatusCode.Conflict);
        var types = (await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}/history")).AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        types.ShouldContain("RatingRetracted");
        types.Count(t => t == "VerdictRecorded").ShouldBe(3, "nothing is deleted: both verdicts and the restoring one are in the trail");
    }

    [Fact]
    public async Task reviewers_join_only_sessions_they_are_invited_to_and_observers_never_rate()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var outsider = await workshop.App.InviteAsync("Otto Outsider", "county", "reviewer");
        var observer = await workshop.AddAsync("Olive Observer", "city", "observer");
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");

        await using var outsiderHub = await HubClient.ConnectAsync(workshop.App.BaseAddress, outsider);
        await Should.ThrowAsync<HubException>(() => outsiderHub.JoinSessionAsync(workshop.SessionId));
        await (await workshop.App.ClientFor(outsider).GetAsync(workshop.SessionUrl)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await workshop.App.ClientFor(outsider).PostAsJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 2, roundId })).ProblemAsync(HttpStatusCode.Forbidden);

        var observerHub = await workshop.ConnectAsync(observer);
        (await observerHub.JoinSessionAsync(workshop.SessionId)).ShouldBeGreaterThan(0);
        await (await workshop.App.ClientFor(observer).PostAsJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 2, roundId })).ProblemAsync(HttpStatusCode.Forbidden);

        (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["ratings"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task closing_the_session_is_pushed_and_stops_further_rounds()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var hub = await workshop.ConnectAsync(workshop.FacilitatorInvite);
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/close", new { });
        (await hub.WaitForAsync("SessionClosed")).Single(m => m.Name == "SessionClosed").Body.Get<Guid>("sessionId").ShouldBe(workshop.SessionId);
        await (await workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds",
            new { areaId = workshop.Assessment.Areas["Payroll"], blind = true })).ProblemAsync(HttpStatusCode.Conflict);
        await (await workshop.Facilitator.PostAsJsonAsync("/api/sessions", new { assessmentId = Guid.NewGuid(), title = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await workshop.Facilitator.PostAsJsonAsync("/api/sessions", new { assessmentId = workshop.Assessment.Id, title = "" })).ProblemAsync(HttpStatusCode.BadRequest, "title");
    }
}
