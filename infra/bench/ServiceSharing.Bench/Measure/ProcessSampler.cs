namespace ServiceSharing.Bench.Measure;

/// <summary>
/// CPU time and resident memory from /proc: of the app, of every PostgreSQL process and of this load generator, so
/// a figure can say where the two cores went. "The app" is every app process given: one, or the nodes of scenario 6.
/// </summary>
public sealed class ProcessSampler(params IReadOnlyList<int> appPids)
{
    // USER_HZ: /proc reports CPU time in clock ticks of 1/100 s on Linux.
    private const double TicksPerSecond = 100;

    public CpuReading ReadCpu() => new(DateTime.UtcNow, appPids.Sum(pid => Ticks(pid)), PostgresTicks(), Ticks(Environment.ProcessId));

    public double AppRssMegabytes() => appPids.Sum(RssMegabytes);

    private static double RssMegabytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>Average cores used between two readings (1.0 = one core busy), per side.</summary>
    public static CpuUse Between(CpuReading from, CpuReading to)
    {
        var seconds = (to.At - from.At).TotalSeconds;
        double Cores(long a, long b) => seconds <= 0 ? double.NaN : (b - a) / TicksPerSecond / seconds;
        return new CpuUse(Cores(from.App, to.App), Cores(from.Postgres, to.Postgres), Cores(from.Bench, to.Bench));
    }

    private static long Ticks(int pid, bool withReapedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
            var own = long.Parse(fields[11]) + long.Parse(fields[12]);
            // cutime and cstime (fields 16, 17): CPU of children that ended, e.g. PostgreSQL backends of closed connections.
            return withReapedChildren ? own + long.Parse(fields[13]) + long.Parse(fields[14]) : own;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long PostgresTicks()
    {
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText($"{dir}/comm").Trim() == "postgres")
                {
                    total += Ticks(pid, withReapedChildren: true);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return total;
    }
}

public sealed record CpuReading(DateTime At, long App, long Postgres, long Bench);

/// <summary>Cores in use on average: 2.0 is both cores of the machine busy.</summary>
public sealed record CpuUse(double App, double Postgres, double Bench);
