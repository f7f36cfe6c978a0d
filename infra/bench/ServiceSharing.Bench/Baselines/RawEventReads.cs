using System.Diagnostics;
using Npgsql;

namespace ServiceSharing.Bench.Baselines;

/// <summary>
/// The raw-SQL baselines of scenarios 3 and 4: one plain query that reads events' rows (every column the store keeps
/// for an event) to the last byte, without deserializing them. That is the floor a replay reading those events sits on.
/// </summary>
public sealed class RawEventReads(string connectionString, string schema)
{
    private const string Columns = "seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, headers, correlation_id, causation_id, user_name";

    /// <summary>Reads one stream's events from version <paramref name="from"/> to <paramref name="to"/>; returns milliseconds and rows.</summary>
    public Task<(double Millis, long Rows)> ReadStreamAsync(Guid streamId, long from, long to) =>
        TimeAsync($"select {Columns} from {schema}.mt_events where stream_id = @stream and version between @from and @to order by version",
            command =>
            {
                command.Parameters.AddWithValue("stream", streamId);
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("to", to);
            });

    /// <summary>The rows of one area's events (of one factor, when given) in a version range: what a cell's or an area's
    /// history is about. No index covers the event's data, so PostgreSQL reads the stream's rows to find them.</summary>
    public Task<(double Millis, long Rows)> ReadStreamOfAreaAsync(Guid streamId, long from, long to, Guid areaId, string? factor) =>
        TimeAsync($"select {Columns} from {schema}.mt_events where stream_id = @stream and version between @from and @to " +
                  "and data ->> 'AreaId' = @area and (@factor::text is null or data ->> 'Factor' = @factor) order by version",
            command =>
            {
                command.Parameters.AddWithValue("stream", streamId);
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("to", to);
                command.Parameters.AddWithValue("area", areaId.ToString());
                command.Parameters.Add(new NpgsqlParameter("factor", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)factor ?? DBNull.Value });
            });

    /// <summary>Scenario 4's baseline: the whole events table in sequence order, as a rebuild walks it.</summary>
    public Task<(double Millis, long Rows)> ReadAllAsync() =>
        TimeAsync($"select {Columns} from {schema}.mt_events order by seq_id", _ => { });

    public async Task<long> CountAllAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(double Millis, long Rows)> TimeAsync(string sql, Action<NpgsqlCommand> bind)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        var started = Stopwatch.GetTimestamp();
        long rows = 0, bytes = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
                // Touch the payload so the driver really transfers and decodes it.
                bytes += reader.GetString(4).Length;
            }
        }

        GC.KeepAlive(bytes);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows);
    }
}
