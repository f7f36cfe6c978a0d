using Marten;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Bench.Seeding;

/// <summary>A Marten store configured exactly as the app's (EventStoreSetup.Configure), for seeding and rebuilding.</summary>
public static class BenchStore
{
    public static DocumentStore Open(string connectionString, string schema) =>
        DocumentStore.For(opts => EventStoreSetup.Configure(opts, connectionString, schema));
}
