using System.Net.Http.Json;
using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>
/// The ways a blind round can end or start over without a reveal: none of them shows a score to anyone but its author.
/// </summary>
public sealed class UnrevealedRoundTests(SharedApp shared)
{
    private const string CitySecret = "city-rationale-never-revealed-51c2";
    private const string CountySecret = "county-rationale-never-revealed-9e07";

    [Fact]
    public async Task closing_an_unrevealed_blind_round_is_refused_and_discarding_it_keeps_its_scores_hidden_for_good()
    {
        await using var room = await BlindRoomAsync();
        var (workshop, roundId) = (room.Workshop, room.RoundId);

        var close = await workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/close", new { });
        var refusal = await close.ProblemAsync(HttpStatusCode.Conflict);
        refusal["detail"]!.GetValue<string>().ShouldContain("reveal it to show its scores, or discard it", Case.Insensitive);
        (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["status"]!.GetValue<string>().ShouldBe("voting");

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/discard", new { });
        var round = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!;
        round["status"]!.GetValue<string>().ShouldBe("discarded");
        await room.EveryoneGetsAsync("RoundChanged", m => m["change"]!.GetValue<string>() == "discarded");

        // Discarded means over: no more scores, no reveal, no re-vote.
        (await room.City.PostAsJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = room.Area, factor = "similarity", score = 1, roundId })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        foreach (var action in new[] { "reveal", "revote", "close" })
        {
            (await workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/{action}", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict, action);
        }

        await HiddenScores.AssertSeenOnlyByAuthorAsync(workshop, room.CityInvite, room.OthersThan(room.CityInvite), CitySecret);
        await HiddenScores.AssertSeenOnlyByAuthorAsync(workshop, room.CountyInvite, room.OthersThan(room.CountyInvite), CountySecret);
    }

    [Fact]
    public async Task undoing_a_discard_puts_the_round_back_in_vote_still_hidden_and_a_reveal_then_shows_it()
    {
        await using var room = await BlindRoomAsync();
        var (workshop, roundId) = (room.Workshop, room.RoundId);
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/discard", new { });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/undo", new { });

        (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["rounds"]![0]!["status"]!.GetValue<string>().ShouldBe("voting");
        await HiddenScores.AssertSeenOnlyByAuthorAsync(workshop, room.CityInvite, room.OthersThan(room.CityInvite), CitySecret);

        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        var asObserver = await workshop.App.ClientFor(room.ObserverInvite).GetJsonAsync(workshop.SessionUrl);
        asObserver["rounds"]![0]!["ratings"]!.AsArray().Select(r => r!["rationale"]!.GetValue<string>())
            .ShouldBe([CitySecret, CountySecret], ignoreOrder: true);
    }

    [Fact]
    public async Task a_revote_of_a_blind_round_never_shows_the_first_votes_scores_even_after_the_second_is_revealed()
    {
        await using var room = await BlindRoomAsync();
        var (workshop, roundId) = (room.Workshop, room.RoundId);
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/revote", new { });
        await HiddenScores.AssertSeenOnlyByAuthorAsync(workshop, room.CityInvite, room.OthersThan(room.CityInvite), CitySecret);

        await room.City.PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = room.Area, factor = "similarity", score = 2, rationale = "second vote, shown", roundId });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/close", new { });

        var session = await workshop.App.ClientFor(room.CountyInvite).GetJsonAsync(workshop.SessionUrl);
        var round = session["rounds"]![0]!;
        round["vote"]!.GetValue<int>().ShouldBe(2);
        round["ratings"]!.AsArray().Select(r => (r!["score"]!.GetValue<int>(), r["rationale"]!.GetValue<string>())).ShouldBe([(2, "second vote, shown")]);
        // The first vote's scores were never revealed: no version of the session, the board or a push shows them.
        foreach (var (author, secret) in new[] { (room.CityInvite, CitySecret), (room.CountyInvite, CountySecret) })
        {
            foreach (var (viewer, hub) in room.OthersThan(author))
            {
                for (var version = 1L; version <= session["sessionVersion"]!.GetValue<long>(); version++)
                {
                    var raw = await (await workshop.App.ClientFor(viewer).GetAsync($"{workshop.SessionUrl}?version={version}")).Content.ReadAsStringAsync();
                    raw.ShouldNotContain(secret, Case.Sensitive, $"session version {version} as {viewer.ParticipantId}");
                }

                string.Join("\n", hub!.Received.Select(m => m.Body.ToJsonString())).ShouldNotContain(secret);
            }
        }

        (await (await workshop.Facilitator.GetAsync($"{workshop.Assessment.Url}/history")).Content.ReadAsStringAsync()).ShouldNotContain(CitySecret);
    }

    private async Task<BlindRoom> BlindRoomAsync()
    {
        var workshop = await Workshop.OpenAsync(shared.App);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var countyInvite = await workshop.AddAsync("Cole County", "county", "reviewer");
        var observerInvite = await workshop.AddAsync("Olive Observer", "wpf", "observer");
        var hubs = new Dictionary<Guid, HubClient>();
        foreach (var invite in new[] { workshop.FacilitatorInvite, cityInvite, countyInvite, observerInvite })
        {
            hubs[invite.ParticipantId] = await workshop.ConnectAsync(invite);
        }

        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        var area = workshop.Assessment.Areas["Payroll"];
        var city = workshop.App.ClientFor(cityInvite);
        await city.PostJsonAsync($"{workshop.Assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 3, rationale = CitySecret, roundId });
        await workshop.App.ClientFor(countyInvite).PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = area, factor = "similarity", score = 1, rationale = CountySecret, roundId });
        return new BlindRoom(workshop, roundId, area, city, cityInvite, countyInvite, observerInvite, hubs);
    }

    private sealed record BlindRoom(
        Workshop Workshop, Guid RoundId, Guid Area, HttpClient City,
        Features.Invites.InviteIssued CityInvite, Features.Invites.InviteIssued CountyInvite, Features.Invites.InviteIssued ObserverInvite,
        IReadOnlyDictionary<Guid, HubClient> Hubs) : IAsyncDisposable
    {
        public IReadOnlyList<(Features.Invites.InviteIssued Viewer, HubClient? Hub)> OthersThan(Features.Invites.InviteIssued author) =>
            new[] { Workshop.FacilitatorInvite, CityInvite, CountyInvite, ObserverInvite }
                .Where(i => i.ParticipantId != author.ParticipantId)
                .Select(i => (i, (HubClient?)Hubs[i.ParticipantId])).ToList();

        public async Task EveryoneGetsAsync(string name, Func<System.Text.Json.Nodes.JsonNode, bool> matches)
        {
            foreach (var hub in Hubs.Values)
            {
                await hub.WaitUntilAsync(r => r.Any(m => m.Name == name && matches(m.Body)), name);
            }
        }

        public ValueTask DisposeAsync() => Workshop.DisposeAsync();
    }
}
