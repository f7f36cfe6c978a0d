using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceSharing.Bench.Report;

/// <summary>Where a run's report goes: DIR/performance.md, and DIR/performance/ for results.json and the pictures.</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals
    };

    public static async Task WriteAsync(BenchResults results, string outputDirectory, string? notesFile)
    {
        var assets = Path.Combine(outputDirectory, "performance");
        Directory.CreateDirectory(assets);
        await File.WriteAllTextAsync(Path.Combine(assets, "results.json"), JsonSerializer.Serialize(results, Json));
        Plots.WriteLatency(results, Path.Combine(assets, "latency.png"));
        Plots.WriteReplay(results, Path.Combine(assets, "replay.png"));
        var notes = notesFile is not null && File.Exists(notesFile) ? await File.ReadAllTextAsync(notesFile) : null;
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "performance.md"), MarkdownReport.Render(results, "performance", notes));
    }

    /// <summary>Writes the report again from a results.json, e.g. after the hand-written notes changed; measures nothing.</summary>
    public static async Task<int> RenderAgainAsync(string resultsFile, string[] args)
    {
        var options = args.Skip(2).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
        var results = JsonSerializer.Deserialize<BenchResults>(await File.ReadAllTextAsync(resultsFile), Json)
                      ?? throw new InvalidOperationException($"{resultsFile} holds no results.");
        var output = options.GetValueOrDefault("--out") ?? throw new ArgumentException("--render needs --out DIR.");
        // Read in full above, so results.json may be the very file rewritten here.
        await WriteAsync(results, output, options.GetValueOrDefault("--notes"));
        Console.WriteLine($"bench: report written again from {resultsFile} to {output}");
        return 0;
    }
}
