using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>A real process the cluster tests start (an app node, redis-server, haproxy), its output kept for failures.</summary>
public sealed class ClusterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ClusterProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }
    public bool HasExited => _process.HasExited;
    public string OutputTail => string.Join('\n', _output.TakeLast(40));

    public static ClusterProcess Start(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var started = new ClusterProcess(name, process);
        process.OutputDataReceived += (_, e) => started.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => started.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>SIGKILL: the process gets no chance to close anything, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Waits until the port accepts connections; fails with the process's output if it died or took too long.</summary>
    public async Task WaitForPortAsync(int port, int seconds = 30)
    {
        await WaitUntilAsync(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, $"port {port}", seconds);
    }

    public async Task WaitUntilAsync(Func<Task<bool>> ready, string what, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await ready())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"{Name} did not reach {what} within {seconds}s " +
                                                $"(exited: {_process.HasExited}); its output:\n{OutputTail}");
            }

            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A program the cluster needs; infra/test.sh installs redis-server and haproxy when they are missing.</summary>
    public static string Require(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            $"'{program}' is not installed: infra/test.sh installs it (apt-get install {program}) before the suite runs.");
    }
}
