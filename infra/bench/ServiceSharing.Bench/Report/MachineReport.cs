using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Npgsql;

namespace ServiceSharing.Bench.Report;

/// <summary>The machine and the versions the figures were measured with.</summary>
public sealed record MachineReport(
    int Cores,
    string Cpu,
    double MemoryGiB,
    string Os,
    string Kernel,
    string LoadAverageAtStart,
    string DotNet,
    string PostgreSql,
    string PgBench,
    IReadOnlyDictionary<string, string> Packages)
{
    public static async Task<MachineReport> CollectAsync(string connectionString, string pgbench)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("show server_version", connection);
        var postgres = (string)(await command.ExecuteScalarAsync())!;
        await using var fsync = new NpgsqlCommand("show fsync", connection);
        var fsyncOn = (string)(await fsync.ExecuteScalarAsync())!;

        return new MachineReport(
            Environment.ProcessorCount,
            FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Math.Round(double.Parse(FirstValue("/proc/meminfo", "MemTotal")!.Split(' ')[0]) / 1024 / 1024, 1),
            OsName(),
            File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?",
            RuntimeInformation.FrameworkDescription,
            $"{postgres} (fsync={fsyncOn})",
            await PgBenchVersionAsync(pgbench),
            new Dictionary<string, string>
            {
                ["Marten"] = VersionOf(typeof(Marten.DocumentStore).Assembly),
                ["WolverineFx"] = VersionOf(typeof(Wolverine.IMessageBus).Assembly),
                ["Npgsql"] = VersionOf(typeof(NpgsqlConnection).Assembly),
                ["JasperFx.Events"] = VersionOf(typeof(JasperFx.Events.IEvent).Assembly),
                ["Microsoft.AspNetCore.SignalR.Client"] = VersionOf(typeof(Microsoft.AspNetCore.SignalR.Client.HubConnection).Assembly)
            });
    }

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "?";
        // Drop the "+commit" suffix SourceLink adds.
        return version.Split('+')[0];
    }

    private static string? FirstValue(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string OsName() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault() ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription;

    private static async Task<string> PgBenchVersionAsync(string pgbench)
    {
        using var process = Process.Start(new ProcessStartInfo(pgbench, "--version") { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Trim();
    }
}
