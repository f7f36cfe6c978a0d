using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

public sealed class BlindRoundTests(SharedApp shared)
{
    [Fact]
    public async Task a_blind_round_from_open_to_reveal_to_verdict_reaches_each_screen_as_it_should_and_leaks_no_score()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var countyInvite = await workshop.AddAsync("Cole County", "county", "reviewer");
        var observerInvite = await workshop.AddAsync("Olive Observer", "wpf", "observer");
        var facilitatorHub = await workshop.ConnectAsync(workshop.FacilitatorInvite);
        var cityHub = await workshop.ConnectAsync(cityInvite);
        var countyHub = await workshop.ConnectAsync(countyInvite);
        var observerHub = await workshop.ConnectAsync(observerInvite);
        HubClient[] everyone = [facilitatorHub, cityHub, countyHub, observerHub];

        var presence = await facilitatorHub.WaitUntilAsync(
            r => r.Any(m => m.Name == "PresenceChanged" && m.Body["participants"]!.AsArray().Count == 4), "all four present");
        presence.Last(m => m.Name == "PresenceChanged").Body["participants"]!.AsArray()
            .Select(p => (p!["name"]!.GetValue<string>(), p["org"]!.GetValue<string>(), p["role"]!.GetValue<string>()))
            .ShouldBe([("Fran Facilitator", "wpf", "facilitator"), ("Cathy City", "city", "reviewer"), ("Cole County", "county", "reviewer"), ("Olive Observer", "wpf", "observer")], ignoreOrder: true);

        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity", "efficiencies");
        foreach (var hub in everyone)
        {
            var opened = (await hub.WaitForAsync("RoundOpened")).Last(m => m.Name == "RoundOpened").Body;
            opened.Get<Guid>("roundId").ShouldBe(roundId);
            opened["blind"]!.GetValue<bool>().ShouldBeTrue();
        }

        var area = workshop.Assessment.Areas["Payroll"];
        var city = workshop.App.ClientFor(cityInvite);
        var county = workshop.App.ClientFor(countyInvite);
        var url = $"{workshop.Assessment.Url}/ratings";
        var versionBefore = (await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url)).Version();
        (await city.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 3, rationale = "Same payroll vendor", roundId })).Version().ShouldBe(versionBefore);
        await city.PostJsonAsync(url, new { areaId = area, factor = "efficiencies", score = 2, roundId });
        await county.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 1, rationale = "Our unions differ", roundId });
        await county.PostJsonAsync(url, new { areaId = area, factor = "efficiencies", score = 2, roundId });

        foreach (var hub in everyone)
        {
            var submitted = (await hub.WaitForAsync("RatingSubmitted", 4)).Where(m => m.Name == "RatingSubmitted").ToList();
            submitted.ShouldAllBe(m => m.Body["score"] == null);
            submitted.Select(m => m.Body["org"]!.GetValue<string>()).ShouldBe(["city", "city", "county", "county"]);
        }

        await NoHiddenScoreLeaksAsync(workshop, cityInvite, countyInvite, observerInvite, versionBefore);
        var hubOf = everyone.ToDictionary(h => h.Invite.ParticipantId);
        foreach (var (author, secret) in new[] { (cityInvite, "Same payroll vendor"), (countyInvite, "Our unions differ") })
        {
            await HiddenScores.AssertSeenOnlyByAuthorAsync(workshop, author,
                everyone.Where(h => h.Invite.ParticipantId != author.ParticipantId).Select(h => (h.Invite, (HubClient?)h)).ToList(), secret);
        }

        var revealed = (await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { })).Version();
        revealed.ShouldBe(versionBefore + 4);
        foreach (var hub in everyone)
        {
            var reveal = (await hub.WaitForAsync("RoundRevealed")).Single(m => m.Name == "RoundRevealed").Body;
            reveal["ratings"]!.AsArray().Select(r => (r!["org"]!.GetValue<string>(), r["factor"]!.GetValue<string>(), r["score"]!.GetValue<int>()))
                .ShouldBe([("city", "similarity", 3), ("city", "efficiencies", 2), ("county", "similarity", 1), ("county", "efficiencies", 2)], ignoreOrder: true);
            var board = await hub.WaitForAsync("BoardChanged", 4);
            board.Where(m => m.Name == "BoardChanged").Select(m => m.Body.Version()).ShouldBe([versionBefore + 1, versionBefore + 2, versionBefore + 3, versionBefore + 4]);
        }

        var afterReveal = await city.GetJsonAsync(workshop.SessionUrl);
        var quorum = afterReveal["rounds"]![0]!["quorum"]!;
        quorum["agreement"]!.GetValue<string>().ShouldBe("split");
        quorum["splitFactors"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["similarity"]);

        await workshop.Facilitator.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 2, rationale = "Agreed after discussion" });
        await workshop.Facilitator.PostJsonAsync(url, new { areaId = area, factor = "efficiencies", score = 2 });
        var verdict = await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/verdicts",
            new { areaId = area, verdict = "Yes", nextSteps = "Joint payroll RFP", rationale = "Both sides agree", sessionId = workshop.SessionId });
        foreach (var hub in everyone)
        {
            var received = await hub.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == verdict.Version()), "the verdict");
            var boardChanges = received.Where(m => m.Name == "BoardChanged").Select(m => m.Body).ToList();
            boardChanges.Select(b => b.Version()).ShouldBe(Enumerable.Range(1, 7).Select(i => versionBefore + i), "in version order, none missing");
            boardChanges.Last()["change"]!["type"]!.GetValue<string>().ShouldBe("VerdictRecorded");
            boardChanges.Last()["change"]!["data"]!["verdict"]!.GetValue<string>().ShouldBe("Yes");
        }

        var payroll = TestAssessment.Area(await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url), "Payroll");
        payroll["ratings"]!["similarity"]!["city"]!.GetValue<double>().ShouldBe(3);
        payroll["ratings"]!["similarity"]!["county"]!.GetValue<double>().ShouldBe(1);
        payroll["ratings"]!["similarity"]!["joint"]!.GetValue<int>().ShouldBe(2);
    }

    /// <summary>Before the reveal, no read shows another reviewer's score: not the board, history, diff or session.</summary>
    private static async Task NoHiddenScoreLeaksAsync(Workshop workshop, Features.Invites.InviteIssued city, Features.Invites.InviteIssued county,
        Features.Invites.InviteIssued observer, long versionBefore)
    {
        var assessment = workshop.Assessment;
        var board = await workshop.Facilitator.GetJsonAsync(assessment.Url);
        board.Version().ShouldBe(versionBefore);
        board["areas"]![0]!["ratings"]!["similarity"]!["city"].ShouldBeNull();
        (await workshop.Facilitator.GetJsonAsync($"{assessment.Url}/history?since={versionBefore}")).AsArray().ShouldBeEmpty();
        // From the board's first version to its latest, which the blind ratings would be part of had they reached it.
        (await workshop.Facilitator.GetJsonAsync($"{assessment.Url}/diff?from=1&to={board.Version()}")).ToJsonString().ShouldNotContain("\"ratings.");

        foreach (var (viewer, ownOrg) in new[] { (workshop.FacilitatorInvite, "wpf"), (city, "city"), (county, "county"), (observer, "wpf") })
        {
            var ratings = (await workshop.App.ClientFor(viewer).GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["ratings"]!.AsArray();
            ratings.Count.ShouldBe(4, "everyone sees who has rated");
            foreach (var rating in ratings.Select(r => r!))
            {
                var own = rating.Get<Guid>("participantId") == viewer.ParticipantId;
                (rating["score"] is not null).ShouldBe(own, $"{ownOrg} viewer, rating of {rating["org"]}");
                rating["hidden"]!.GetValue<bool>().ShouldBe(!own);
            }

            var quorum = (await workshop.App.ClientFor(viewer).GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["quorum"]!;
            quorum["agreement"]!.GetValue<string>().ShouldBe("awaiting-reveal");
            quorum["splitFactors"]!.AsArray().ShouldBeEmpty();
        }

        var rawSession = await (await workshop.App.ClientFor(observer).GetAsync(workshop.SessionUrl)).Content.ReadAsStringAsync();
        rawSession.ShouldNotContain("Same payroll vendor");
        rawSession.ShouldNotContain("Our unions differ");
    }

    [Fact]
    public async Task replaying_the_session_shows_the_blind_round_hidden_before_the_reveal_and_visible_after()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await workshop.App.ClientFor(cityInvite).PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 4, roundId });
        var beforeReveal = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["sessionVersion"]!.GetValue<long>();
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });

        JsonNode RatingAt(JsonNode session) => session["rounds"]![0]!["ratings"]![0]!;
        var countyInvite = await workshop.AddAsync("Cole County", "county", "reviewer");
        var observerInvite = await workshop.AddAsync("Olive Observer", "wpf", "observer");
        foreach (var viewer in new[] { workshop.FacilitatorInvite, countyInvite, observerInvite })
        {
            var client = workshop.App.ClientFor(viewer);
            RatingAt(await client.GetJsonAsync($"{workshop.SessionUrl}?version={beforeReveal}"))["score"].ShouldBeNull(viewer.ParticipantId.ToString());
            RatingAt(await client.GetJsonAsync($"{workshop.SessionUrl}?version={beforeReveal + 1}"))["score"]!.GetValue<int>().ShouldBe(4);
        }

        RatingAt(await workshop.App.ClientFor(cityInvite).GetJsonAsync($"{workshop.SessionUrl}?version={beforeReveal}"))["score"]!.GetValue<int>()
            .ShouldBe(4, "the author sees their own score before the reveal");
        await (await workshop.Facilitator.GetAsync($"{workshop.SessionUrl}?version=999")).ProblemAsync(System.Net.HttpStatusCode.BadRequest, "version");
    }

    [Fact]
    public async Task a_rejected_command_pushes_nothing()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var hub = await workshop.ConnectAsync(cityInvite);
        var city = workshop.App.ClientFor(cityInvite);
        var url = $"{workshop.Assessment.Url}/ratings";
        var area = workshop.Assessment.Areas["Payroll"];

        (await city.PostAsJsonAsync(url, new { areaId = area, factor = "similarity", score = 9 })).IsSuccessStatusCode.ShouldBeFalse();
        (await city.PostAsJsonAsync(url, new { areaId = area, factor = "similarity", score = 2, expectedVersion = 1 })).IsSuccessStatusCode.ShouldBeFalse();
        (await city.PostAsJsonAsync($"{workshop.Assessment.Url}/verdicts", new { areaId = area, verdict = "Yes" })).IsSuccessStatusCode.ShouldBeFalse();
        var accepted = await city.PostJsonAsync(url, new { areaId = area, factor = "similarity", score = 2 });

        var received = await hub.WaitForAsync("BoardChanged");
        received.Where(m => m.Name == "BoardChanged").Select(m => m.Body.Version()).ShouldBe([accepted.Version()]);
    }
}
