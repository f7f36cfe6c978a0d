using System.Text.Json;

namespace ServiceSharing.Domain.Audit;

/// <summary>An archive that holds (its events and its manifest's head), or the first line that does not.</summary>
public sealed record ArchiveVerdict(ArchiveManifest? Manifest, IReadOnlyList<ArchiveEvent> Events, int? BadLine, string? Reason)
{
    public bool IsIntact => BadLine is null;
}

/// <summary>
/// Checks an archive line by line without any database: the manifest parses, every event line is spelled as written,
/// sits at the next position, continues its stream's versions, and hashes (with the previous entry's hash) to the
/// hash it carries; at the end the count, the streams and the head agree with the manifest. A changed byte, a
/// removed or a reordered line is reported at the first line where it shows (line 1 is the manifest).
/// </summary>
public static class ArchiveVerification
{
    private static readonly string[] StreamKinds = ["assessment", "session", "calibration"];

    public static ArchiveVerdict Verify(IEnumerable<string> lines)
    {
        ArchiveManifest? manifest = null;
        var events = new List<ArchiveEvent>();
        var streams = new List<ArchiveStream>();
        var versions = new Dictionary<Guid, (string Kind, long Version)>();
        var previous = AuditChain.Genesis;
        var lineNumber = 0;
        var ended = false;

        ArchiveVerdict Bad(int line, string reason) => new(manifest, events, line, reason);

        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                ended = true;
                continue;
            }

            if (ended)
            {
                return Bad(lineNumber - 1, "an empty line inside the archive");
            }

            if (manifest is null)
            {
                try
                {
                    manifest = ArchiveFormat.ParseManifest(line);
                }
                catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
                {
                    return Bad(lineNumber, $"the manifest cannot be read: {e.Message}");
                }

                continue;
            }

            ArchiveEvent archived;
            try
            {
                archived = ArchiveFormat.ParseEvent(line);
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                return Bad(lineNumber, $"the event cannot be read: {e.Message}");
            }

            var position = events.Count + 1;
            if (archived.Position != position)
            {
                return Bad(lineNumber, $"expected entry {position}, found entry {archived.Position} (a line removed or moved?)");
            }

            var hash = AuditChain.HashOf(archived.Entry, previous);
            if (!string.Equals(hash, archived.Hash, StringComparison.Ordinal))
            {
                return Bad(lineNumber, $"entry {position} (event {archived.Id}) does not hash to the hash it carries (altered?)");
            }

            // The first entry is the assessment's own first event (its stream id is hashed): the manifest must name it.
            if (position == 1 && archived.Stream != manifest.AssessmentId)
            {
                return Bad(1, "the manifest names another assessment than the archive's events");
            }

            // Stream kinds and versions are not hashed: each must be the one the chain implies.
            var isAssessment = archived.Stream == manifest.AssessmentId;
            if (isAssessment != (archived.StreamKind == "assessment") || !StreamKinds.Contains(archived.StreamKind))
            {
                return Bad(lineNumber, $"stream {archived.Stream} cannot be of kind '{archived.StreamKind}'");
            }

            var stream = versions.TryGetValue(archived.Stream, out var known) ? known : (Kind: archived.StreamKind, Version: 0L);
            if (stream.Kind != archived.StreamKind || archived.Version != stream.Version + 1)
            {
                return Bad(lineNumber, $"stream {archived.Stream} continues at {stream.Kind} version {stream.Version + 1}, not {archived.StreamKind} version {archived.Version}");
            }

            if (!versions.ContainsKey(archived.Stream))
            {
                streams.Add(new ArchiveStream(archived.Stream, archived.StreamKind, 0));
            }

            versions[archived.Stream] = (archived.StreamKind, archived.Version);
            previous = hash;
            events.Add(archived);
        }

        if (manifest is null)
        {
            return Bad(1, "the archive is empty");
        }

        var endLine = events.Count + 2;
        if (events.Count != manifest.Entries)
        {
            return Bad(events.Count < manifest.Entries ? endLine : manifest.Entries.ToLineNumber(),
                $"the manifest counts {manifest.Entries} entries, the archive holds {events.Count} (lines removed?)");
        }

        var reached = new ArchiveHead(events.Count, previous, events.Count > 0 ? events[^1].Time : null,
            versions.TryGetValue(manifest.AssessmentId, out var own) ? own.Version : 0);
        var streamsReached = streams.Select(s => s with { Version = versions[s.Id].Version }).ToList();
        if (reached != manifest.Head || !streamsReached.SequenceEqual(manifest.Streams))
        {
            return Bad(1, $"the manifest's head or streams are not what the events reach (head {reached.Version} {reached.Hash})");
        }

        return new ArchiveVerdict(manifest, events, null, null);
    }

    private static int ToLineNumber(this long entries) => (int)Math.Min(int.MaxValue, entries + 2);
}
