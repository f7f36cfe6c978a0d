using System.Text.Json;

namespace ServiceSharing.Web.Tests.Hosting;

/// <summary>
/// The runtime settings the app's build writes beside it (ServiceSharing.Web.runtimeconfig.json, which publish and the
/// image carry): the ones the measurements in docs/performance.md chose for the two-core machines it runs on.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ServiceSharing.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void an_idle_thread_pool_thread_blocks_instead_of_spinning()
    {
        ConfigProperties().GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void the_garbage_collector_is_the_workstation_one()
    {
        ConfigProperties().GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
    }
}
