using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>Rounds under concurrent writers: nothing lost, nothing revealed early, every answer deliberate.</summary>
public sealed class RoundConcurrencyTests(SharedApp shared)
{
    private static readonly string[] Factors = ["similarity", "efficiencies"];

    [Fact]
    public async Task many_reviewers_rating_one_blind_round_at_once_lose_nothing_and_the_reveal_puts_every_score_on_the_board()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var reviewers = await ReviewersAsync(workshop, 8);
        var roundId = await workshop.OpenRoundAsync(blind: true, Factors);
        var before = (await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url)).Version();

        var ratings = reviewers.SelectMany((r, i) => Factors.Select(f => (Reviewer: r, Factor: f, Score: (i + f.Length) % 5))).ToList();
        var answers = await Task.WhenAll(ratings.Select(r => RateAsync(workshop, r.Reviewer, r.Factor, r.Score, roundId)));
        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        (await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url)).Version().ShouldBe(before, "nothing reaches the board before the reveal");

        var revealed = await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        revealed.Version().ShouldBe(before + ratings.Count);
        var onBoard = (await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}/history?since={before}")).AsArray()
            .Select(e => (e!["org"]!.GetValue<string>(), e["factor"]!.GetValue<string>(), e["after"]!.GetValue<int>())).ToList();
        onBoard.ShouldBe(ratings.Select(r => (OrgOf(reviewers, r.Reviewer), r.Factor, r.Score)), ignoreOrder: true);
        var round = (await workshop.App.ClientFor(reviewers[0]).GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!;
        round["ratings"]!.AsArray().Select(r => r!).Select(r => (r.Get<Guid>("participantId"), r["factor"]!.GetValue<string>(), r["score"]!.GetValue<int>()))
            .ShouldBe(ratings.Select(r => (r.Reviewer.ParticipantId, r.Factor, r.Score)), ignoreOrder: true);
    }

    [Fact]
    public async Task a_reveal_racing_late_submissions_reveals_exactly_the_scores_it_accepted_before_and_refuses_the_rest()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var reviewers = await ReviewersAsync(workshop, 6);
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await RateAsync(workshop, reviewers[0], "similarity", 2, roundId);
        var before = (await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url)).Version();

        var late = reviewers.Skip(1).Select((r, i) => (Reviewer: r, Task: RateAsync(workshop, r, "similarity", i % 5, roundId))).ToList();
        var reveal = workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        await Task.WhenAll(late.Select(l => l.Task));
        (await reveal).StatusCode.ShouldBe(HttpStatusCode.OK);

        late.Select(l => l.Task.Result).ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, "every answer is deliberate");
        var accepted = late.Where(l => l.Task.Result == HttpStatusCode.OK).Select(l => l.Reviewer.ParticipantId).Append(reviewers[0].ParticipantId).ToHashSet();
        var round = (await workshop.App.ClientFor(reviewers[1]).GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!;
        round["status"]!.GetValue<string>().ShouldBe("revealed");
        var shown = round["ratings"]!.AsArray().Select(r => r!).ToList();
        shown.Select(r => r.Get<Guid>("participantId")).ShouldBe(accepted, ignoreOrder: true, "what was accepted is what was revealed, nothing else");
        shown.ShouldAllBe(r => r["score"] != null);
        var history = (await workshop.Facilitator.GetJsonAsync($"{workshop.Assessment.Url}/history?since={before}")).AsArray();
        history.Select(e => e!["org"]!.GetValue<string>())
            .ShouldBe(reviewers.Where(r => accepted.Contains(r.ParticipantId)).Select(r => OrgOf(reviewers, r)), ignoreOrder: true,
                "the board got exactly the accepted scores");
    }

    [Fact]
    public async Task two_undo_calls_at_once_take_back_one_action_once()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        var reviewers = await ReviewersAsync(workshop, 2);
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        await RateAsync(workshop, reviewers[0], "similarity", 3, roundId);
        await RateAsync(workshop, reviewers[1], "similarity", 1, roundId);
        var revealed = (await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { })).Version();

        var undos = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/undo", new { })));
        undos.Select(u => u.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var nothingToUndo = await undos.Single(u => u.StatusCode == HttpStatusCode.Conflict).ProblemAsync(HttpStatusCode.Conflict);
        nothingToUndo["detail"]!.GetValue<string>().ShouldContain("nothing to undo");
        nothingToUndo["title"]!.GetValue<string>().ShouldNotBe("The assessment has changed.", "only a stale version says the assessment changed");

        var board = await workshop.Facilitator.GetJsonAsync(workshop.Assessment.Url);
        board.Version().ShouldBe(revealed + 2, "one retraction per revealed score, once");
        TestAssessment.Area(board, "Payroll")["ratings"]!["similarity"]!["city"].ShouldBeNull();
        var round = (await workshop.App.ClientFor(reviewers[1]).GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!;
        round["status"]!.GetValue<string>().ShouldBe("voting");
        round["ratings"]!.AsArray().Where(r => r!.Get<Guid>("participantId") == reviewers[0].ParticipantId).ShouldAllBe(r => r!["score"] == null,
            "the undone reveal hides the scores again");
    }

    /// <summary>Reviewers alternate city, county, city, ...</summary>
    private static string OrgOf(Features.Invites.InviteIssued[] reviewers, Features.Invites.InviteIssued reviewer) =>
        Array.IndexOf(reviewers, reviewer) % 2 == 0 ? "city" : "county";

    private static async Task<Features.Invites.InviteIssued[]> ReviewersAsync(Workshop workshop, int count)
    {
        var reviewers = new Features.Invites.InviteIssued[count];
        for (var i = 0; i < count; i++)
        {
            reviewers[i] = await workshop.AddAsync($"Reviewer {i}", i % 2 == 0 ? "city" : "county", "reviewer");
        }

        return reviewers;
    }

    private static async Task<HttpStatusCode> RateAsync(Workshop workshop, Features.Invites.InviteIssued reviewer, string factor, int score, Guid roundId)
    {
        using var response = await workshop.App.ClientFor(reviewer).PostAsJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor, score, roundId });
        return response.StatusCode;
    }
}
