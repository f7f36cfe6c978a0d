using System.Diagnostics;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own, started with the same infra/pg.sh helpers the scripts use, so the test may
/// stop and restart it while the suite's shared server serves every other test.
/// </summary>
public sealed class OwnDatabase : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("servicesharing-own-pg.").FullName;

    private OwnDatabase(int port) => Port = port;

    public int Port { get; }
    public string DataDirectory => System.IO.Path.Combine(_directory, "pg");
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=servicesharing;Username=postgres";

    public static async Task<OwnDatabase> StartAsync()
    {
        var port = int.Parse((await PgAsync("pg_free_port")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var database = new OwnDatabase(port);
        await database.StartAgainAsync();
        return database;
    }

    /// <summary>Starts the server (again) on the same data and port.</summary>
    public Task StartAgainAsync() =>
        PgAsync($"pg_start '{DataDirectory}' {Port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    /// <summary>A fast shutdown: open connections are cut, new ones refused until it starts again.</summary>
    public Task StopAsync() => PgAsync($"pg_stop '{DataDirectory}'");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<string> PgAsync(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source infra/pg.sh && {command}"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{command}: {await errors}");
        return await output;
    }
}
