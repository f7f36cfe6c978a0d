using System.Diagnostics;

namespace ServiceSharing.Bench.Cluster;

/// <summary>
/// A process the two-node scenario starts (an app node, redis-server, haproxy). Its output goes straight to a log file
/// (no pipe the load generator could fall behind on), and its pid to a file that infra/bench.sh's cleanup reads, so
/// nothing outlives the run even when the load generator itself is killed.
/// </summary>
public sealed class ChildProcess
{
    private readonly Process _process;
    private readonly string _pidFile;

    private ChildProcess(string name, Process process, string pidFile, string log)
    {
        Name = name;
        _process = process;
        _pidFile = pidFile;
        Log = log;
    }

    public string Name { get; }
    public string Log { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts PROGRAM ARGUMENTS with only the given variables added to this process's environment; output
    /// appended to DIRECTORY/NAME.log.</summary>
    public static ChildProcess Start(string name, string directory, string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var log = Path.Combine(directory, $"{name}.log");
        // sh only redirects, then execs: the pid is the program's own, which SIGKILL must reach.
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory
        };
        foreach (var argument in (string[])["-c", "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1", "sh", log, program, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name}: {program} did not start.");
        var pidFile = Path.Combine(directory, $"{name}.pid");
        File.WriteAllText(pidFile, $"{process.Id}\n");
        return new ChildProcess(name, process, pidFile, log);
    }

    /// <summary>SIGKILL: no chance to close anything, as when a machine dies. Returns the moment it was sent.</summary>
    public long Kill()
    {
        var at = Stopwatch.GetTimestamp();
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        File.Delete(_pidFile);
        return at;
    }

    public async Task WaitUntilAsync(Func<Task<bool>> ready, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await ready())
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                var tail = File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(30)) : "(no output)";
                throw new InvalidOperationException(
                    $"{Name} did not reach {what} within {timeout.TotalSeconds:F0} s (exited: {_process.HasExited}); the end of {Log}:\n{tail}");
            }

            await Task.Delay(100);
        }
    }
}
