using Marten;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Bench.Seeding;

/// <summary>A Marten store configured exactly as the app's (EventStoreSetup.Configure), for seeding and rebuilding.</summary>
public static class BenchStore
{
    public static DocumentStore Open(string connectionString, string schema) =>
        DocumentStore.For(opts =>
        {
            EventStoreSetup.Configure(opts, connectionString, schema);
            if (Environment.GetEnvironmentVariable("BENCH_DAEMON_POLL_MS") is { } poll && int.TryParse(poll, out var ms))
            {
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(ms);
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(ms);
                opts.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(ms);
            }
        });
}
