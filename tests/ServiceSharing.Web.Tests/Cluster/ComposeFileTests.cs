using System.Diagnostics;

namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>docker-compose.yml as Debian's docker-compose reads it (no Docker engine needed for `config`).</summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "compose-test-password",
        ["SERVICESHARING_ADMIN_KEY"] = "compose-test-admin-key"
    };

    [Fact]
    public async Task the_compose_file_runs_postgres_redis_two_app_nodes_and_haproxy_with_the_clusters_own_proxy_configuration()
    {
        var services = await ComposeAsync(Secrets, "config", "--services");
        services.ExitCode.ShouldBe(0, services.Output);
        services.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order()
            .ShouldBe(["app1", "app2", "haproxy", "postgres", "redis"]);

        var config = await ComposeAsync(Secrets, "config");
        config.ExitCode.ShouldBe(0, config.Output);
        var text = config.Output;
        text.ShouldContain("ConnectionStrings__Redis: redis:6379");
        text.ShouldContain("NODE1_ADDR: app1:8080");
        text.ShouldContain("NODE2_ADDR: app2:8080");
        text.ShouldContain("infra/cluster/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        text.ShouldContain("127.0.0.1:5080:8080");
        // Both nodes get the same settings from one place.
        Occurrences(text, "ConnectionStrings__Marten: Host=postgres").ShouldBe(2);
        Occurrences(text, "ServiceSharing__AdminKey: compose-test-admin-key").ShouldBe(2);
    }

    [Fact]
    public async Task the_compose_file_has_no_default_secrets()
    {
        var config = await ComposeAsync(new Dictionary<string, string>(), "config", "--quiet");
        config.ExitCode.ShouldNotBe(0, "without POSTGRES_PASSWORD and SERVICESHARING_ADMIN_KEY the file must not validate");
        config.Output.ShouldContain("set POSTGRES_PASSWORD");
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private static async Task<(int ExitCode, string Output)> ComposeAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var root = LocalCluster.RepositoryRoot();
        var info = new ProcessStartInfo(ClusterProcess.Require("docker-compose"), ["--project-directory", root, "-f", Path.Combine(root, "docker-compose.yml"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root
        };
        info.Environment.Remove("POSTGRES_PASSWORD");
        info.Environment.Remove("SERVICESHARING_ADMIN_KEY");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
    }
}
