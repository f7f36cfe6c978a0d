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
