using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// The SQL an app sends, from Marten's own log at Debug (statements as Marten sends them): for tests of what a request
/// asks of PostgreSQL. Marten logs every statement of a batch on a line of its own, all with the batch's time, which is
/// how the statements are told apart into round trips.
/// </summary>
public sealed partial class SqlLog
{
    private readonly CapturedLogs _logs = new();

    private SqlLog()
    {
    }

    /// <summary>An app without the study, logging its SQL here.</summary>
    public static async Task<(TestApp App, SqlLog Sql)> StartAppAsync()
    {
        var sql = new SqlLog();
        var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["Logging:LogLevel:Marten"] = "Debug";
            builder.Logging.AddProvider(sql._logs);
        });
        return (app, sql);
    }

    /// <summary>Where the log is now; what is read "since" it comes after.</summary>
    public int Mark => _logs.Lines.Count;

    /// <summary>Every statement executed since the mark, one line each.</summary>
    public IReadOnlyList<string> StatementsSince(int mark) =>
        _logs.Lines.Skip(mark).Where(line => line.StartsWith("Marten", StringComparison.Ordinal) && line.Contains(" executed ")).ToList();

    /// <summary>The round trips since the mark of the requests whose path contains <paramref name="path"/>, each as its
    /// statements' SQL.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RoundTripsSince(int mark, string path) =>
        StatementsSince(mark)
            .Where(line => line.Contains($"RequestPath:{path}", StringComparison.Ordinal))
            .Select(line => Executed().Match(line))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups["ms"].Value, m => m.Groups["sql"].Value)
            .Select(trip => (IReadOnlyList<string>)trip.ToList())
            .ToList();

    [GeneratedRegex(@"Marten executed in (?<ms>[0-9.]+) ms: (?<sql>[^\[]*)")]
    private static partial Regex Executed();
}
