using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own (the build the tests reference, run with dotnet), so a test can kill it with
/// SIGKILL, with nothing flushed or stopped cleanly, and start it again on the same port, schema and database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _schema;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _log = Path.Combine(Path.GetTempPath(), $"servicesharing-app-{Guid.NewGuid():N}.log");
    private Process? _process;

    private AppProcess(string schema, int port, IReadOnlyDictionary<string, string>? environment)
    {
        _schema = schema;
        _environment = environment ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <param name="environment">Settings over the defaults below, e.g. a log level or ServiceSharing__JsonLogs.</param>
    public static async Task<AppProcess> StartAsync(string schema, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var app = new AppProcess(schema, port, environment);
        await app.StartAgainAsync();
        return app;
    }

    /// <summary>Starts the app and returns at once, without waiting for it to be ready.</summary>
    public static AppProcess Launch(string schema, int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var app = new AppProcess(schema, port, environment);
        app.StartProcess();
        return app;
    }

    public async Task StartAgainAsync()
    {
        StartProcess();
        await WaitReadyAsync();
    }

    private void StartProcess()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ServiceSharing.Web.dll"), "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Marten"] = TestDatabase.ConnectionString,
                ["ServiceSharing__Schema"] = _schema,
                ["ServiceSharing__AdminKey"] = TestApp.AdminKey,
                ["ServiceSharing__SeedStudy"] = "false",
                ["Logging__LogLevel__Default"] = "Warning"
            }
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Log(line.Data);
        _process.ErrorDataReceived += (_, line) => Log(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitReadyAsync()
    {
        var process = _process!;
        using var probe = Anonymous();
        probe.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"the app did not get ready (exited: {process.HasExited}); its log: {LogText()}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd, docker stop or Ctrl-C's TERM send it; returns the exit code, or null when the
    /// process had not ended within <paramref name="patience"/>.</summary>
    public async Task<int?> TerminateAsync(TimeSpan patience)
    {
        SendSignal(_process!.Id, SigTerm).ShouldBe(0, "kill(2) could not signal the app");
        using var waiting = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(waiting.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public HttpClient Anonymous() => new(new IdempotencyKeys()) { BaseAddress = BaseAddress };

    public HttpClient ClientFor(InviteIssued invite)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        return client;
    }

    public async Task<InviteIssued> InviteAsync(string name, string org, string role)
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        var response = await client.PostAsJsonAsync("/api/invites", new { name, org, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InviteIssued>())!;
    }

    /// <summary>What the app wrote to stdout and stderr so far, line by line.</summary>
    public IReadOnlyList<string> LogLines() => LogText().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private string LogText()
    {
        lock (_log)
        {
            return File.Exists(_log) ? File.ReadAllText(_log) : "";
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                File.AppendAllText(_log, line + Environment.NewLine);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }

        _process?.Dispose();
        File.Delete(_log);
    }
}
