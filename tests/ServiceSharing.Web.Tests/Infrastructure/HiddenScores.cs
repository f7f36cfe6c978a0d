using System.Text.Json.Nodes;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// Every read a person can make of a workshop, as each of the people in it, at every version of the session and of the
/// board: a hidden score shows nowhere but to its author. Scores are checked by shape (a hidden rating carries no
/// score); the rationales, which are free text, are searched for in every answer and every push.
/// </summary>
public static class HiddenScores
{
    /// <param name="author">The reviewer who gave the hidden scores: the only one who may see them.</param>
    /// <param name="others">Everyone else in the room (the facilitator included), each with their hub connection, if any.</param>
    /// <param name="rationales">Texts given only with the hidden scores.</param>
    public static async Task AssertSeenOnlyByAuthorAsync(
        Workshop workshop, InviteIssued author, IReadOnlyList<(InviteIssued Viewer, HubClient? Hub)> others, params string[] rationales)
    {
        var sessionVersion = (await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl))["sessionVersion"]!.GetValue<long>();
        var authorClient = workshop.App.ClientFor(author);
        var authorsOwn = 0;
        for (var version = 1L; version <= sessionVersion; version++)
        {
            authorsOwn += OwnScores(await authorClient.GetJsonAsync($"{workshop.SessionUrl}?version={version}"), author);
            foreach (var (viewer, _) in others)
            {
                var raw = await RawAsync(workshop.App.ClientFor(viewer), $"{workshop.SessionUrl}?version={version}");
                AssertHidden(JsonNode.Parse(raw)!, author, $"session version {version} as {viewer.ParticipantId}");
                ShouldNotContainAny(raw, rationales, $"session version {version} as {viewer.ParticipantId}");
            }
        }

        authorsOwn.ShouldBeGreaterThan(0, "the author sees their own hidden scores in some version (the check is not vacuous)");

        foreach (var (viewer, hub) in others)
        {
            var client = workshop.App.ClientFor(viewer);
            var current = await RawAsync(client, workshop.SessionUrl);
            AssertHidden(JsonNode.Parse(current)!, author, $"the session now as {viewer.ParticipantId}");
            ShouldNotContainAny(current, rationales, $"the session now as {viewer.ParticipantId}");
            if (hub is not null)
            {
                var pushes = string.Join("\n", hub.Received.Select(m => $"{m.Name} {m.Body.ToJsonString()}"));
                ShouldNotContainAny(pushes, rationales, $"pushes to {viewer.ParticipantId}");
                hub.Received.Where(m => m.Name == "RatingSubmitted" && m.Body.Get<Guid>("participantId") == author.ParticipantId)
                    .ShouldAllBe(m => m.Body["score"] == null, $"a hidden score pushed to {viewer.ParticipantId}");
            }
        }

        await AssertNotOnTheBoardAsync(workshop, author, rationales);
    }

    /// <summary>The board, its history, diff, exports and replay at every version hold nothing of the author's hidden scores.</summary>
    private static async Task AssertNotOnTheBoardAsync(Workshop workshop, InviteIssued author, string[] rationales)
    {
        var assessment = workshop.Assessment;
        var facilitator = workshop.Facilitator;
        var board = await facilitator.GetJsonAsync(assessment.Url);
        var latest = board.Version();
        var history = await RawAsync(facilitator, $"{assessment.Url}/history");
        history.ShouldNotContain(author.ParticipantId.ToString(), Case.Insensitive, "the author's hidden scores are not in the board's history");
        ShouldNotContainAny(history, rationales, "history");
        ShouldNotContainAny(await RawAsync(facilitator, $"{assessment.Url}/diff?from=1&to={latest}"), rationales, "diff over the whole board");
        ShouldNotContainAny(await RawAsync(facilitator, $"{assessment.Url}/export.csv"), rationales, "CSV export");
        for (var version = 1L; version <= latest; version++)
        {
            var raw = await RawAsync(facilitator, $"{assessment.Url}?version={version}");
            raw.ShouldNotContain(author.ParticipantId.ToString(), Case.Insensitive, $"board at version {version}");
            ShouldNotContainAny(raw, rationales, $"board at version {version}");
        }
    }

    private static void AssertHidden(JsonNode session, InviteIssued author, string where)
    {
        foreach (var rating in session["rounds"]!.AsArray().SelectMany(r => r!["ratings"]!.AsArray()).Select(r => r!)
                     .Where(r => r.Get<Guid>("participantId") == author.ParticipantId))
        {
            rating["score"].ShouldBeNull($"{where}: {rating.ToJsonString()}");
            rating["rationale"].ShouldBeNull($"{where}: {rating.ToJsonString()}");
            rating["hidden"]!.GetValue<bool>().ShouldBeTrue(where);
        }
    }

    private static int OwnScores(JsonNode session, InviteIssued author) =>
        session["rounds"]!.AsArray().SelectMany(r => r!["ratings"]!.AsArray()).Select(r => r!)
            .Count(r => r.Get<Guid>("participantId") == author.ParticipantId && r["score"] is not null);

    private static async Task<string> RawAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static void ShouldNotContainAny(string text, IEnumerable<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            text.ShouldNotContain(secret, Case.Sensitive, $"a hidden rationale in {where}");
        }
    }
}
