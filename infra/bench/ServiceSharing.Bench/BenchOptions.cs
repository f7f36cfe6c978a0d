using ServiceSharing.Bench.Cluster;

namespace ServiceSharing.Bench;

/// <summary>What infra/bench.sh hands the load generator: where the app and its database are, and where to write;
/// for scenario 6, what it takes to start the cluster (null when bench.sh gave none of it).</summary>
public sealed record BenchOptions(
    BenchSizes Sizes,
    Uri BaseUrl,
    string ConnectionString,
    string Schema,
    string AdminKey,
    int AppPid,
    string PgBench,
    string OutputDirectory,
    string? NotesFile,
    ClusterOptions? Cluster)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        // --app-setting NAME=VALUE, repeated: the environment the one-node app runs with, for scenario 6's nodes.
        var appSettings = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            if (args[i] == "--app-setting")
            {
                var (name, value) = args[i + 1].Split('=', 2) is [var n, var v] ? (n, v) : throw new ArgumentException($"--app-setting NAME=VALUE, got '{args[i + 1]}'.");
                appSettings[name] = value;
                continue;
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"Missing --{name}.");

        return new BenchOptions(
            Required("mode") switch
            {
                "quick" => BenchSizes.Quick,
                "full" => BenchSizes.Full,
                var other => throw new ArgumentException($"--mode is quick or full, not '{other}'.")
            },
            new Uri(Required("base-url")),
            Required("connection"),
            values.GetValueOrDefault("schema") ?? Web.Persistence.EventStoreSetup.DefaultSchema,
            Required("admin-key"),
            int.Parse(Required("app-pid")),
            Required("pgbench"),
            Required("out"),
            values.GetValueOrDefault("notes"),
            values.TryGetValue("app-dir", out var appDirectory)
                ? new ClusterOptions(appDirectory, appSettings, Required("redis-server"), Required("haproxy"), Required("haproxy-config"), Required("cluster-dir"))
                : null);
    }
}
