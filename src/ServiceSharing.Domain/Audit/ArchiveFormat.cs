using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceSharing.Domain.Audit;

/// <summary>One event of an archive: its chain entry, the stream it belongs to and its version there, and its hash.
/// Data and headers are canonical JSON text (headers null when the event has none).</summary>
public sealed record ArchiveEvent(
    long Position, Guid Stream, string StreamKind, long Version, Guid Id, string Type, DateTimeOffset Time,
    string? Actor, string? Correlation, string? Causation, string? Headers, string Data, string Hash)
{
    public ChainEntry Entry => new(Position, Stream, Id, Type, Data, Time, Actor, Correlation, Causation, Headers);
}

public sealed record ArchiveStream(Guid Id, string Kind, long Version);

public sealed record ArchiveHead(long Version, string Hash, DateTimeOffset? Time, long AssessmentVersion);

/// <summary>The archive's first line: what it holds and the chain head its events must reach.</summary>
public sealed record ArchiveManifest(
    Guid AssessmentId, string? Title, long Entries, IReadOnlyList<ArchiveStream> Streams, ArchiveHead Head, DateTimeOffset ExportedAt);

/// <summary>
/// The archive as JSON Lines: a manifest line, then one line per chained event in chain order. Every line has one
/// spelling (keys in a fixed order, canonical data, times to the microsecond), so a reader can render a parsed line
/// again and demand the very same bytes: a changed byte anywhere is caught even where no hash covers it.
/// </summary>
public static class ArchiveFormat
{
    public const string Format = "servicesharing-audit-archive";
    public const int FormatVersion = 1;
    public const string Algorithm = "SHA-256";
    public const string MediaType = "application/x-ndjson";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest ends with the SHA-256 of itself without that field, so a changed byte in what no event
    /// hash covers (title, time of export) is caught too.</summary>
    public static string Render(ArchiveManifest manifest)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Write(w => WriteManifest(w, manifest)))));
        return Write(w =>
        {
            WriteManifest(w, manifest);
            w.WriteString("manifestHash", digest);
        });
    }

    private static void WriteManifest(Utf8JsonWriter w, ArchiveManifest manifest)
    {
        w.WriteString("kind", "manifest");
        w.WriteString("format", Format);
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteString("algorithm", Algorithm);
        w.WriteString("assessmentId", manifest.AssessmentId.ToString("D"));
        w.WriteString("title", manifest.Title);
        w.WriteNumber("entries", manifest.Entries);
        w.WriteStartArray("streams");
        foreach (var stream in manifest.Streams)
        {
            w.WriteStartObject();
            w.WriteString("id", stream.Id.ToString("D"));
            w.WriteString("kind", stream.Kind);
            w.WriteNumber("version", stream.Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("head");
        w.WriteNumber("version", manifest.Head.Version);
        w.WriteString("hash", manifest.Head.Hash);
        w.WriteString("time", manifest.Head.Time is { } time ? ChainTime.Format(time) : null);
        w.WriteNumber("assessmentVersion", manifest.Head.AssessmentVersion);
        w.WriteEndObject();
        w.WriteString("exportedAt", ChainTime.Format(manifest.ExportedAt));
    }

    public static string Render(ArchiveEvent e) => Write(w =>
    {
        w.WriteString("kind", "event");
        w.WriteNumber("position", e.Position);
        w.WriteString("stream", e.Stream.ToString("D"));
        w.WriteString("streamKind", e.StreamKind);
        w.WriteNumber("version", e.Version);
        w.WriteString("id", e.Id.ToString("D"));
        w.WriteString("type", e.Type);
        w.WriteString("time", ChainTime.Format(e.Time));
        w.WriteString("actor", e.Actor);
        w.WriteString("correlation", e.Correlation);
        w.WriteString("causation", e.Causation);
        w.WritePropertyName("headers");
        w.WriteRawValue(e.Headers ?? "null", skipInputValidation: true);
        w.WritePropertyName("data");
        w.WriteRawValue(e.Data, skipInputValidation: true);
        w.WriteString("hash", e.Hash);
    });

    public static ArchiveManifest ParseManifest(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Require(root.GetProperty("kind").GetString() == "manifest", "the first line is not a manifest");
        Require(root.GetProperty("format").GetString() == Format, $"the format is not {Format}");
        Require(root.GetProperty("formatVersion").GetInt32() == FormatVersion, $"only format version {FormatVersion} is read");
        Require(root.GetProperty("algorithm").GetString() == Algorithm, $"the algorithm is not {Algorithm}");
        var head = root.GetProperty("head");
        var manifest = new ArchiveManifest(
            root.GetProperty("assessmentId").GetGuid(),
            root.GetProperty("title").GetString(),
            root.GetProperty("entries").GetInt64(),
            root.GetProperty("streams").EnumerateArray()
                .Select(s => new ArchiveStream(s.GetProperty("id").GetGuid(), s.GetProperty("kind").GetString()!, s.GetProperty("version").GetInt64()))
                .ToList(),
            new ArchiveHead(
                head.GetProperty("version").GetInt64(),
                head.GetProperty("hash").GetString()!,
                head.GetProperty("time").GetString() is { } time ? ParseTime(time) : null,
                head.GetProperty("assessmentVersion").GetInt64()),
            ParseTime(root.GetProperty("exportedAt").GetString()!));
        RequireSameBytes(line, Render(manifest));
        return manifest;
    }

    public static ArchiveEvent ParseEvent(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Require(root.GetProperty("kind").GetString() == "event", "the line is not an event");
        var headers = root.GetProperty("headers");
        var e = new ArchiveEvent(
            root.GetProperty("position").GetInt64(),
            root.GetProperty("stream").GetGuid(),
            root.GetProperty("streamKind").GetString()!,
            root.GetProperty("version").GetInt64(),
            root.GetProperty("id").GetGuid(),
            root.GetProperty("type").GetString()!,
            ParseTime(root.GetProperty("time").GetString()!),
            root.GetProperty("actor").GetString(),
            root.GetProperty("correlation").GetString(),
            root.GetProperty("causation").GetString(),
            headers.ValueKind == JsonValueKind.Null ? null : CanonicalJson.Normalize(headers),
            CanonicalJson.Normalize(root.GetProperty("data")),
            root.GetProperty("hash").GetString()!);
        RequireSameBytes(line, Render(e));
        return e;
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void RequireSameBytes(string line, string rendered) =>
        Require(string.Equals(line, rendered, StringComparison.Ordinal), "the line is not spelled as the archive writes it (altered?)");

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new FormatException(reason);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
