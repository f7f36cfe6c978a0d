using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>
/// The logs are one of the paths a hidden score must not leak through. The blind rating is written to PostgreSQL before
/// the reveal, so SQL logging is where it would leak: the SQL logger writes every statement with its parameters listed,
/// and their values withheld.
/// </summary>
public sealed partial class HiddenScoreLogTests
{
    private const string Secret = "rationale-only-in-a-blind-round-7f3a";

    [Fact]
    public async Task a_blind_rating_reaches_no_log_line_before_the_reveal_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(configure: builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Configuration["Logging:LogLevel:Default"] = "Trace";
            builder.Logging.AddProvider(logs);
        });
        await using var workshop = await Workshop.OpenAsync(app);
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        await workshop.ConnectAsync(workshop.FacilitatorInvite);
        await workshop.ConnectAsync(cityInvite);
        var roundId = await workshop.OpenRoundAsync(blind: true, "similarity");

        var before = logs.Lines.Count;
        await app.ClientFor(cityInvite).PostJsonAsync($"{workshop.Assessment.Url}/ratings",
            new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 3, rationale = Secret, roundId });
        await app.ClientFor(cityInvite).GetJsonAsync(workshop.SessionUrl);
        var lines = logs.Lines;

        lines.ShouldNotContain(line => line.Contains(Secret), "the blind rationale is not in the logs before the reveal");
        lines.ShouldNotContain(line => ScoreOfThree().IsMatch(line), "the blind score is not in the logs before the reveal");
        // The control: the statement that carried the rating to PostgreSQL is in the capture with its parameters listed,
        // so a value written beside them (as Marten's own logger does) would be seen above.
        lines.Skip(before).ShouldContain(
            line => line.StartsWith("Marten") && line.Contains("mt_quick_append_events") && line.Contains(WithheldParameterSqlLogger.Withheld),
            "the append of the blind rating is logged with its parameters withheld");
    }

    [Fact]
    public void the_sql_logger_withholds_parameter_values_on_success_and_on_failure()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var sql = new WithheldParameterSqlLogger(factory.CreateLogger<IDocumentStore>());
        using var command = new NpgsqlCommand("select append(@p0, @p1)");
        command.Parameters.Add(new NpgsqlParameter("p0", NpgsqlDbType.Jsonb) { Value = $"{{\"rationale\":\"{Secret}\",\"score\":3}}" });
        command.Parameters.Add(new NpgsqlParameter("p1", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { Secret } });

        var session = sql.StartSession(null!);
        session.OnBeforeExecute(command);
        session.LogSuccess(command);
        session.LogFailure(command, new InvalidOperationException("the commit failed"));
        using var batch = new NpgsqlBatch();
        var batched = new NpgsqlBatchCommand("select append(@p0)");
        batched.Parameters.Add(new NpgsqlParameter("p0", NpgsqlDbType.Text) { Value = Secret });
        batch.BatchCommands.Add(batched);
        session.LogSuccess(batch);
        session.LogFailure(batch, new InvalidOperationException("the batch failed"));

        logs.Lines.Count.ShouldBe(4);
        logs.Lines.ShouldAllBe(line => line.Contains("append(@p0") && line.Contains(WithheldParameterSqlLogger.Withheld));
        logs.Lines.ShouldNotContain(line => line.Contains(Secret) || ScoreOfThree().IsMatch(line));
    }

    /// <summary>The blind score as it would appear in an event's or a document's JSON.</summary>
    [GeneratedRegex("\"score\"\\s*:\\s*3\\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreOfThree();
}
