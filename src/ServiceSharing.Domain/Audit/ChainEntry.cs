using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceSharing.Domain.Audit;

/// <summary>
/// One event as the audit chain covers it: its place in the assessment's chain, which stream and event it is, its
/// type and data, and who, when and in which conversation. Data and headers are JSON text in any spelling; they are
/// hashed in their canonical form.
/// </summary>
public sealed record ChainEntry(
    long Position,
    Guid StreamId,
    Guid EventId,
    string EventType,
    string Data,
    DateTimeOffset Time,
    string? Actor,
    string? CorrelationId,
    string? CausationId,
    string? Headers)
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The exact text the hash is taken over: the entry's fields and the previous entry's hash, keys in
    /// ordinal order, data and headers canonical.</summary>
    public string Canonical(string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("actor", Actor);
            writer.WriteString("causation", CausationId);
            writer.WriteString("correlation", CorrelationId);
            writer.WritePropertyName("data");
            writer.WriteRawValue(CanonicalJson.Normalize(Data), skipInputValidation: true);
            writer.WriteString("event", EventId.ToString("D"));
            writer.WritePropertyName("headers");
            writer.WriteRawValue(string.IsNullOrEmpty(Headers) ? "null" : CanonicalJson.Normalize(Headers), skipInputValidation: true);
            writer.WriteNumber("position", Position);
            writer.WriteString("previous", previousHash);
            writer.WriteString("stream", StreamId.ToString("D"));
            writer.WriteString("time", ChainTime.Format(Time));
            writer.WriteString("type", EventType);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>Time as PostgreSQL keeps it: UTC to the microsecond (finer ticks are cut off on the way in).</summary>
public static class ChainTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant PostgreSQL will store for this time.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
