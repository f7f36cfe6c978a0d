using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceSharing.Web.Features.History;

/// <summary>The API's JSON conventions (web defaults, enums by name, as ServiceSharingApp configures HTTP JSON): the
/// history read model keeps entries in them, so a stored entry is answered byte for byte as a folded one.</summary>
public static class HistoryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Render(HistoryEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>An entry as stored; its before and after values come back as the JSON they were rendered as.</summary>
    public static HistoryEntry Read(string stored) => JsonSerializer.Deserialize<HistoryEntry>(stored, Options)!;

    /// <summary>Stored entries as the JSON array the API answers, written out as they are while they are read: an
    /// area's thousands of entries are never gathered into one string.</summary>
    public static async Task WriteArrayAsync(IAsyncEnumerable<string> stored, Stream body, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(body, Utf8, BufferSize, leaveOpen: true);
        await writer.WriteAsync('[');
        var first = true;
        await foreach (var entry in stored.WithCancellation(cancellation))
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            await writer.WriteAsync(entry);
            first = false;
        }

        await writer.WriteAsync(']');
    }

    private const int BufferSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
