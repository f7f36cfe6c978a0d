namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>The cluster tests start several processes and kill one: they run alone, one class at a time, so the rest
/// of the suite neither slows their failover nor is slowed by it.</summary>
[CollectionDefinition(nameof(ClusterCollection), DisableParallelization = true)]
public sealed class ClusterCollection;

/// <summary>One cluster for the tests that do not kill a node.</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    public LocalCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await LocalCluster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
