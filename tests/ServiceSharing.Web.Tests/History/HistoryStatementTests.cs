using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.History;

/// <summary>
/// What a history read asks of PostgreSQL, read from the app's own SQL log: the assessment's stream and whether the
/// read model holds its trail come in one round trip, the entries in a second.
/// </summary>
public sealed class HistoryStatementTests
{
    [Fact]
    public async Task a_cell_history_is_two_round_trips_to_the_database()
    {
        var (app, sql) = await SqlLog.StartAppAsync();
        await using var running = app;
        var facilitator = await app.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var reviewer = await app.SignInAsync("Cathy City", "city", "reviewer");
        for (var score = 1; score <= 3; score++)
        {
            await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Payroll"], factor = "similarity", score });
        }

        foreach (var query in new[] { "factor=similarity", "factor=similarity&limit=2" })
        {
            var before = sql.Mark;
            var entries = await facilitator.GetJsonAsync($"{assessment.Url}/history?areaId={assessment.Areas["Payroll"]}&{query}");
            entries.AsArray().Count.ShouldBeGreaterThanOrEqualTo(2, "the control: the ratings are in the answer");

            var roundTrips = sql.RoundTripsSince(before, $"{assessment.Url}/history");
            roundTrips.Count.ShouldBe(2, $"{query}: the stream and the read model's state in one batch, then the entries:\n" +
                string.Join('\n', roundTrips.Select(r => string.Join(" | ", r))));
            string.Join(' ', roundTrips[0]).ShouldContain(".mt_streams ");
            string.Join(' ', roundTrips[0]).ShouldContain(".mt_doc_historyrecord ");
        }
    }
}
