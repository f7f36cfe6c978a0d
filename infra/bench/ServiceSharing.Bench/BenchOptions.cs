namespace ServiceSharing.Bench;

/// <summary>What infra/bench.sh hands the load generator: where the app and its database are, and where to write.</summary>
public sealed record BenchOptions(
    BenchSizes Sizes,
    Uri BaseUrl,
    string ConnectionString,
    string Schema,
    string AdminKey,
    int AppPid,
    string PgBench,
    string OutputDirectory,
    string? NotesFile)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
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
            values.GetValueOrDefault("notes"));
    }
}
