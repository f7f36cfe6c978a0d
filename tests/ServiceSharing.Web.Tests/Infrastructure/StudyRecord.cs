using System.Net;
using System.Net.Http.Json;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// A study with a record that touches every write path the audit chain must cover: the assessment's own commands,
/// ratings committed together by the board's group commit, a session with a blind round revealed onto the board
/// (events in two streams in one transaction), a verdict recorded in the session, a snapshot, and a calibration round.
/// </summary>
public sealed record StudyRecord(Workshop Workshop, Guid CalibrationId)
{
    public TestAssessment Assessment => Workshop.Assessment;
    public HttpClient Facilitator => Workshop.Facilitator;

    public static async Task<StudyRecord> BuildAsync(TestApp app)
    {
        var workshop = await Workshop.OpenAsync(app, null, "Payroll", "Fleet");
        var assessment = workshop.Assessment;
        var city = app.ClientFor(await workshop.AddAsync("Cathy City", "city", "reviewer"));
        var county = app.ClientFor(await workshop.AddAsync("Cole County", "county", "reviewer"));
        var fleet = assessment.Areas["Fleet"];

        // Concurrent ratings on the board: the group commit writes several in one transaction.
        var raters = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => app.SignInAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer")));
        var ratings = await Task.WhenAll(raters.Select((rater, i) =>
            rater.PostAsJsonAsync($"{assessment.Url}/ratings", new { areaId = fleet, factor = "similarity", score = i % 5, rationale = $"Rater {i}" })));
        ratings.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        var roundId = await workshop.OpenRoundAsync(true, "similarity");
        var payroll = assessment.Areas["Payroll"];
        await city.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 3, rationale = "Same vendor", roundId });
        await county.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 1, roundId });
        await workshop.Facilitator.PostJsonAsync($"{workshop.SessionUrl}/rounds/{roundId}/reveal", new { });
        await workshop.Facilitator.PostJsonAsync($"{assessment.Url}/verdicts",
            new { areaId = payroll, verdict = "Maybe", nextSteps = "Compare contracts — “union” rules", rationale = "Split panel", sessionId = workshop.SessionId });
        await workshop.Facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "after-workshop" }, HttpStatusCode.Created);

        var calibration = await workshop.Facilitator.PostJsonAsync($"{assessment.Url}/calibrations",
            new { areaIds = new[] { fleet }, rationale = "Warm-up" }, HttpStatusCode.Created);
        var calibrationId = calibration.Get<Guid>("roundId");
        await city.PostJsonAsync($"{assessment.Url}/calibrations/{calibrationId}/ratings", new { areaId = fleet, factor = "similarity", score = 2 });
        return new StudyRecord(workshop, calibrationId);
    }
}
