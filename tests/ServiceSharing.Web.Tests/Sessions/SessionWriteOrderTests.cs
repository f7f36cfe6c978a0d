using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Sessions;

/// <summary>
/// Writers of one session at the same moment: an invite straight into the session (the People view, the admin key)
/// and the facilitator's round controls. Each takes the assessment's lock before the session's, so none waits on
/// another in a circle and every one is recorded.
/// </summary>
public sealed class SessionWriteOrderTests(SharedApp shared)
{
    [Fact]
    public async Task invites_into_a_session_and_rounds_opened_at_the_same_moment_are_all_recorded()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App);
        using var admin = shared.App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var invites = Enumerable.Range(0, 3).Select(i => admin.PostAsJsonAsync("/api/invites",
                new { name = $"Reviewer {attempt}.{i}", org = i % 2 == 0 ? "city" : "county", role = "reviewer", sessionId = workshop.SessionId }));
            var round = workshop.Facilitator.PostAsJsonAsync($"{workshop.SessionUrl}/rounds",
                new { areaId = workshop.Assessment.Areas.Values.First(), factors = new[] { "similarity" }, blind = false });
            var answers = await Task.WhenAll(invites.Append(round));
            answers.Select(a => a.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK || status == HttpStatusCode.Created,
                string.Join(", ", answers.Select(a => (int)a.StatusCode)));
            await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{(await answers[^1].JsonAsync(HttpStatusCode.Created)).Get<Guid>("roundId")}/close", new { });
        }

        var session = await workshop.Facilitator.GetJsonAsync(workshop.SessionUrl);
        session["rounds"]!.AsArray().Count.ShouldBe(6);
        session["participants"]!.AsArray().Count(p => p!["name"]!.GetValue<string>().StartsWith("Reviewer ", StringComparison.Ordinal)).ShouldBe(18);
    }
}
