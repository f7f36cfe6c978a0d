using System.Data.Common;
using System.Diagnostics;
using Marten;
using Marten.Services;
using Npgsql;

namespace ServiceSharing.Web.Persistence;

/// <summary>
/// Marten's SQL log without the values. Marten's own logger writes every parameter's value beside the SQL (at Debug on
/// success, at Error on failure), and those values are events and documents: a blind round's scores and rationales,
/// invite details. This one writes the SQL and each parameter's name and type, never its value, at every level; schema
/// changes go to Debug so a first start is not hundreds of lines of DDL.
/// </summary>
public sealed partial class WithheldParameterSqlLogger(ILogger<IDocumentStore> logger) : IMartenLogger, IMartenSessionLogger
{
    public const string Withheld = "(value withheld)";

    private long _started;

    /// <summary>One per session: the start time of the statement in flight is the session's own.</summary>
    public IMartenSessionLogger StartSession(IQuerySession session) => new WithheldParameterSqlLogger(logger);

    public void SchemaChange(string sql) => SchemaChanged(logger, sql);

    public void OnBeforeExecute(NpgsqlCommand command) => _started = Stopwatch.GetTimestamp();

    public void OnBeforeExecute(NpgsqlBatch batch) => _started = Stopwatch.GetTimestamp();

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Executed(logger, Elapsed(), command.CommandText, Describe(command.Parameters));
        }
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Elapsed();
            foreach (var command in batch.BatchCommands)
            {
                Executed(logger, elapsed, command.CommandText, Describe(command.Parameters));
            }
        }
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(logger, ex, command.CommandText, Describe(command.Parameters));

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        foreach (var command in batch.BatchCommands)
        {
            Failed(logger, ex, command.CommandText, Describe(command.Parameters));
        }
    }

    public void LogFailure(Exception ex, string message) => FailedWith(logger, ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Saved(logger, commit.Inserted.Count(), commit.Updated.Count(), commit.Deleted.Count(), Elapsed());
        }
    }

    /// <summary>Each parameter as "name type (value withheld)": enough to read the statement, nothing of the data.</summary>
    public static string Describe(DbParameterCollection parameters) =>
        string.Join(", ", parameters.Cast<DbParameter>().Select(p =>
            $"{p.ParameterName} {(p is NpgsqlParameter typed ? typed.NpgsqlDbType.ToString() : p.DbType.ToString())} {Withheld}"));

    private double Elapsed() => _started == 0 ? 0 : Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schema change:\n{Sql}")]
    private static partial void SchemaChanged(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten executed in {Milliseconds} ms: {Sql} [{Parameters}]", SkipEnabledCheck = true)]
    private static partial void Executed(ILogger logger, double milliseconds, string sql, string parameters);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failed executing {Sql} [{Parameters}]")]
    private static partial void Failed(ILogger logger, Exception exception, string sql, string parameters);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten failed: {Message}")]
    private static partial void FailedWith(ILogger logger, Exception exception, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Marten saved {Inserted} inserts, {Updated} updates, {Deleted} deletions in {Milliseconds} ms", SkipEnabledCheck = true)]
    private static partial void Saved(ILogger logger, int inserted, int updated, int deleted, double milliseconds);
}
