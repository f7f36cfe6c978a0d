using System.IO.Pipelines;
using Marten;
using Marten.Linq;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// Stored entries written out as the JSON array the API answers, row by row as PostgreSQL sends them: each entry's
/// UTF-8 bytes go from the row to the response as they are, so an area's thousands of entries are never decoded into
/// strings, gathered into one, or encoded again.
/// </summary>
public static class HistoryArray
{
    /// <summary>Written to the client in pieces of about this size; fewer sends than one per entry.</summary>
    private const int FlushAt = 64 * 1024;

    /// <param name="entries">The query of the stored entries' JSON text (one column), in the order they are answered.</param>
    public static async Task WriteAsync(IQuerySession session, IQueryable<string> entries, Stream body, CancellationToken cancellation)
    {
        await using var reader = await session.ExecuteReaderAsync(entries.ToCommand(FetchType.FetchMany), cancellation);
        var writer = PipeWriter.Create(body, new StreamPipeWriterOptions(minimumBufferSize: FlushAt, leaveOpen: true));
        Write(writer, "["u8);
        var first = true;
        while (await reader.ReadAsync(cancellation))
        {
            if (!first)
            {
                Write(writer, ","u8);
            }

            first = false;
            // The row is already read into the reader's buffer: the copy does not wait.
            await using var entry = reader.GetStream(0);
            int read;
            while ((read = entry.Read(writer.GetSpan())) > 0)
            {
                writer.Advance(read);
            }

            if (writer.UnflushedBytes >= FlushAt)
            {
                await writer.FlushAsync(cancellation);
            }
        }

        Write(writer, "]"u8);
        await writer.CompleteAsync();
    }

    private static void Write(PipeWriter writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
