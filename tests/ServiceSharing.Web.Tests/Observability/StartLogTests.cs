using System.Text.RegularExpressions;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// A first start on an empty schema creates every table (Marten's and Wolverine's) and must say so in a few readable
/// lines, not in hundreds of lines of SQL: no schema statement in any log entry at Information or above.
/// </summary>
public sealed partial class StartLogTests
{
    [Fact]
    public async Task a_first_start_logs_no_schema_sql_at_information_or_above()
    {
        await using var app = await AppProcess.StartAsync(TestDatabase.NewSchema("startlog"), FreePort.Next(),
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });

        var entries = Entries(app.LogLines());
        entries.ShouldContain(e => e.Level == "info" && e.Text.Contains("Now listening on"), "the start is logged at Information");
        entries.Where(e => e.Level is "info" or "warn" or "fail" or "crit" && SchemaSql().IsMatch(e.Text))
            .Select(e => e.Text[..Math.Min(300, e.Text.Length)]).ShouldBeEmpty();
    }

    /// <summary>The simple console writes "info: Category[id]" and then the message's lines, indented.</summary>
    private static List<(string Level, string Text)> Entries(IReadOnlyList<string> lines)
    {
        var entries = new List<(string Level, string Text)>();
        foreach (var line in lines)
        {
            var start = EntryStart().Match(line);
            if (start.Success)
            {
                entries.Add((start.Groups[1].Value, line));
            }
            else if (entries.Count > 0)
            {
                entries[^1] = (entries[^1].Level, entries[^1].Text + "\n" + line);
            }
        }

        return entries;
    }

    [GeneratedRegex(@"^(trce|dbug|info|warn|fail|crit): ")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"\b(CREATE\s+(TABLE|INDEX|SCHEMA|OR\s+REPLACE|FUNCTION|SEQUENCE|UNIQUE)|ALTER\s+TABLE|DROP\s+(TABLE|INDEX))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchemaSql();
}
