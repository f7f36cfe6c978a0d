using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// /metrics of a running app: Prometheus text with our own instruments, counted from what really happened. The app runs
/// as a process of its own, because meters are process-wide by name: another test's app in this process would add its
/// ratings to the counts.
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task metrics_count_the_ratings_the_pushes_their_lag_the_connected_clients_and_the_refusals()
    {
        await using var app = await AppProcess.StartAsync(TestDatabase.NewSchema("metrics"), FreePort.Next());
        var facilitatorInvite = await app.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        using var facilitator = app.ClientFor(facilitatorInvite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        using var reviewer = app.ClientFor(await app.InviteAsync("Cathy City", "city", "reviewer"));
        await using var hub = await HubClient.ConnectAsync(app.BaseAddress, facilitatorInvite, autoReconnect: false);
        await hub.JoinAssessmentAsync(assessment.Id);

        foreach (var score in new[] { 1, 2, 3 })
        {
            await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score });
        }

        // A refused rating (off the scale) is not counted.
        (await reviewer.PostAsync($"{assessment.Url}/ratings", Json(new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 9 })))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await hub.WaitForAsync("BoardChanged", 3);

        using var guesser = app.Anonymous();
        guesser.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");
        var refused = 0;
        for (var i = 0; i < 20 && refused == 0; i++)
        {
            refused += (await guesser.GetAsync("/api/participants")).StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        refused.ShouldBe(1, "the wrong-key limit refuses after its guesses are spent");

        using var scraper = app.Anonymous();
        var response = await scraper.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a caller on the host itself may scrape without the key");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var metrics = new PrometheusText(await response.Content.ReadAsStringAsync());

        metrics.Single("servicesharing_ratings_accepted_total", "place=\"board\"").ShouldBe(3);
        metrics.Single("servicesharing_board_commit_ratings_count").ShouldBe(3, "one group commit per rating sent one after another");
        metrics.Single("servicesharing_board_commit_ratings_sum").ShouldBe(3);
        var boardPushes = metrics.Single("servicesharing_pushes_sent_total", "kind=\"board\"");
        boardPushes.ShouldBeGreaterThanOrEqualTo(3, "one push per rating, after the assessment's own events");
        metrics.Single("servicesharing_push_lag_seconds_count", "kind=\"board\"").ShouldBe(boardPushes, "one lag per push");
        metrics.Single("servicesharing_push_lag_seconds_sum", "kind=\"board\"").ShouldBeGreaterThan(0);
        metrics.Single("servicesharing_clients_connected", "node=\"").ShouldBe(1, "our hub client, on this node");
        metrics.Single("servicesharing_rate_limit_refusals_total", "policy=\"wrong-admin-key\"").ShouldBe(1);
        // The libraries' own instruments come through the same endpoint.
        metrics.Samples("http_server_request_duration_seconds_count").ShouldNotBeEmpty();
        metrics.Samples("db_client_commands_duration_seconds_count").ShouldNotBeEmpty("Npgsql's meter");
        metrics.Samples("marten_event_append_events_total").ShouldNotBeEmpty("Marten's meter");
    }

    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
