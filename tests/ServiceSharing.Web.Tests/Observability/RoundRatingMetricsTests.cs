using System.Diagnostics.Metrics;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// A rating in a round is counted once its transaction commits, as place "round". Read with a MeterListener that
/// listens only to this test's app's meter (its IMeterFactory), so other apps in this process add nothing.
/// </summary>
public sealed class RoundRatingMetricsTests
{
    [Fact]
    public async Task a_rating_in_a_round_is_counted_after_its_commit()
    {
        await using var app = await TestApp.StartAsync(seed: false);
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var counted = new List<(long Value, string? Place)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "servicesharing.ratings.accepted")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var place = tags.ToArray().FirstOrDefault(t => t.Key == "place").Value as string;
            lock (counted)
            {
                counted.Add((value, place));
            }
        });
        listener.Start();

        await using var workshop = await Workshop.OpenAsync(app);
        var city = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");
        using var reviewer = app.ClientFor(city);
        await reviewer.PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 3, roundId });
        // Out of the round's factors: refused, so not counted.
        (await reviewer.PostAsync($"{workshop.Assessment.Url}/ratings", System.Net.Http.Json.JsonContent.Create(
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "cost", score = 3, roundId }))).IsSuccessStatusCode.ShouldBeFalse();

        lock (counted)
        {
            counted.Where(c => c.Place == "round").Sum(c => c.Value).ShouldBe(1);
        }
    }
}
