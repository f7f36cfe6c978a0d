using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>PostgreSQL stopped and started again under load, on a server of this test's own (the suite's stays up).</summary>
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task while_postgresql_restarts_under_six_raters_every_call_answers_503_and_no_acknowledged_rating_is_lost_or_doubled()
    {
        await using var database = await OwnDatabase.StartAsync();
        await using var app = await TestApp.StartAsync(seed: false, connectionString: database.ConnectionString);
        var facilitator = await app.SignInAsync("Fran", "wpf", "facilitator");
        facilitator.Timeout = Answered;
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "IT");
        var raters = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            var rater = await app.SignInAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer");
            // An answer later than this counts as none, which fails the test: an outage must answer within 10 s.
            rater.Timeout = Answered;
            raters.Add(rater);
        }

        var load = new RatingLoad(assessment, raters, patience: TimeSpan.FromSeconds(90));
        load.Start();
        await WaitUntilAsync(() => load.AcknowledgedCount >= 30, "ratings before the outage");

        await database.StopAsync();
        using var probe = app.Anonymous();
        probe.Timeout = Answered;
        (await probe.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await probe.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await probe.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBe503Async(await facilitator.GetAsync(assessment.Url));
        await ShouldBe503Async(await facilitator.GetAsync($"{assessment.Url}/history"));
        await ShouldBe503Async(await facilitator.PostAsJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["IT"], verdict = "No" }));
        // About as long as the restart that gave 808 answers of 500 before.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await database.StartAgainAsync();

        // Back without a restart of the app: ready again, and ratings keep being acknowledged.
        await WaitUntilAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, "readiness after the restart");
        var whenBack = load.AcknowledgedCount;
        await WaitUntilAsync(() => load.AcknowledgedCount >= whenBack + 30, "ratings after the restart");
        await load.StopAsync();

        load.Answers.Keys.ShouldBeSubsetOf(["200", "503", "409"], load.Figures());
        var found = await RatingLoad.ShouldAllBeInHistoryOnceAsync(facilitator, assessment, load.Acknowledged);
        await RatingLoad.ShouldEqualItsReplayAsync(facilitator, assessment);
        FaultFigures.Report(nameof(DatabaseOutageTests), $"{load.Figures()}; {found} found in the history exactly once");
    }

    [Fact]
    public async Task after_postgresql_restarts_under_an_idle_app_the_dead_pooled_connections_cost_at_most_one_503()
    {
        await using var database = await OwnDatabase.StartAsync();
        await using var app = await TestApp.StartAsync(seed: false, connectionString: database.ConnectionString);
        var facilitator = await app.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        // Several connections busy at once, so the pool holds several idle ones when the server goes away.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => facilitator.GetAsync($"{assessment.Url}/history")));

        await database.StopAsync();
        await database.StartAgainAsync();

        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < 10; n++)
        {
            var response = await facilitator.PostAsJsonAsync($"{assessment.Url}/ratings",
                new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = n % 5, rationale = $"after restart {n}" });
            answers.Add(response.StatusCode);
        }

        var figures = string.Join(", ", answers.GroupBy(a => (int)a).Select(g => $"{g.Key}: {g.Count()}"));
        answers.ShouldAllBe(a => a == HttpStatusCode.OK || a == HttpStatusCode.ServiceUnavailable, figures);
        answers.Count(a => a == HttpStatusCode.ServiceUnavailable).ShouldBeLessThanOrEqualTo(1, figures);
        FaultFigures.Report($"{nameof(DatabaseOutageTests)}.idle", $"10 writes after the restart; answers: {figures}");
    }

    private static async Task ShouldBe503Async(HttpResponseMessage response)
    {
        await response.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter?.Delta.ShouldNotBeNull("a 503 says when to retry");
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"waited 60 s for {what}");
            await Task.Delay(100);
        }
    }
}
