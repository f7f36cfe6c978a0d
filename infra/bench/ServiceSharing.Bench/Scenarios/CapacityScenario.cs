using System.Diagnostics;
using ServiceSharing.Bench.App;
using ServiceSharing.Bench.Measure;
using ServiceSharing.Bench.Report;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>
/// Scenario 5: the server's resident memory and CPU with many SignalR clients joined to review sessions (each also on
/// its session's board, as a workshop screen is), then scenario 2 again while they stay connected.
/// </summary>
public sealed class CapacityScenario(BenchWorkshop workshop, BenchSizes sizes, ProcessSampler sampler)
{
    public async Task<CapacityResults> RunAsync(LatencyScenario latency, double rate)
    {
        var rssBefore = sampler.AppRssMegabytes();
        var rooms = new List<(Guid Assessment, Guid Session)>();
        for (var i = 0; i < sizes.CapacitySessions; i++)
        {
            var board = await workshop.App.CreateAssessmentAsync(workshop.Facilitator, $"Bench: capacity room {i + 1}", 10);
            rooms.Add((board.Id, await workshop.App.OpenSessionAsync(workshop.Facilitator, board.Id, $"Capacity workshop {i + 1}")));
        }

        var people = await workshop.ObserversAsync(sizes.CapacityClients, "Capacity");
        var connecting = Stopwatch.GetTimestamp();
        var clients = await BoardObserver.ConnectManyAsync(_ => workshop.App, people, i => (rooms[i % rooms.Count].Assessment, rooms[i % rooms.Count].Session));
        var connectSeconds = Stopwatch.GetElapsedTime(connecting).TotalSeconds;
        Console.WriteLine($"  {clients.Count:N0} clients joined {rooms.Count} sessions in {connectSeconds:F1} s");

        // Let the presence pushes of the joins drain before idling is measured.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idleFrom = sampler.ReadCpu();
        await Task.Delay(sizes.CapacityIdle);
        var idleCpu = ProcessSampler.Between(idleFrom, sampler.ReadCpu());
        var rssConnected = sampler.AppRssMegabytes();

        var peak = rssConnected;
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, sampler.AppRssMegabytes());
                await Task.Delay(250);
            }
        });
        var during = await latency.RunAsync(rate);
        await stop.CancelAsync();
        await watch;

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return new CapacityResults(clients.Count, rooms.Count, rssBefore, rssConnected, peak, idleCpu, connectSeconds, during);
    }
}
