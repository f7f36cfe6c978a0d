using ServiceSharing.Domain.Audit;

namespace ServiceSharing.Domain.Tests.Audit;

public sealed class ArchiveVerificationTests
{
    private static readonly Guid AssessmentId = Guid.Parse("3f1b2c4d-0000-4000-8000-000000000001");
    private static readonly Guid SessionId = Guid.Parse("5e55e55e-0000-4000-8000-000000000002");

    /// <summary>Five events: three of the assessment, two of a session between them.</summary>
    private static List<string> Archive()
    {
        var streams = new[] { AssessmentId, AssessmentId, SessionId, SessionId, AssessmentId };
        var versions = new Dictionary<Guid, long>();
        var previous = AuditChain.Genesis;
        var events = new List<ArchiveEvent>();
        for (var i = 0; i < streams.Length; i++)
        {
            var entry = AuditChainTests.Entry(i + 1) with { StreamId = streams[i] };
            previous = AuditChain.HashOf(entry, previous);
            versions[streams[i]] = versions.GetValueOrDefault(streams[i]) + 1;
            events.Add(new ArchiveEvent(entry.Position, entry.StreamId, streams[i] == AssessmentId ? "assessment" : "session", versions[streams[i]],
                entry.EventId, entry.EventType, entry.Time, entry.Actor, entry.CorrelationId, entry.CausationId,
                CanonicalJson.Normalize(entry.Headers!), CanonicalJson.Normalize(entry.Data), previous));
        }

        var manifest = new ArchiveManifest(AssessmentId, "Partnering Up", events.Count,
            [new ArchiveStream(AssessmentId, "assessment", 3), new ArchiveStream(SessionId, "session", 2)],
            new ArchiveHead(events.Count, previous, events[^1].Time, 3), DateTimeOffset.UnixEpoch);
        return [ArchiveFormat.Render(manifest), .. events.Select(ArchiveFormat.Render)];
    }

    private static ArchiveVerdict Verify(IEnumerable<string> lines) => ArchiveVerification.Verify([.. lines, ""]);

    [Fact]
    public void an_archive_as_written_verifies_to_the_head_its_manifest_names()
    {
        var verdict = Verify(Archive());
        verdict.IsIntact.ShouldBeTrue(verdict.Reason);
        verdict.Events.Count.ShouldBe(5);
        verdict.Manifest!.Head.Version.ShouldBe(5);
        ArchiveFormat.ParseEvent(Archive()[3]).ShouldBe(verdict.Events[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void every_single_changed_byte_is_refused_at_its_line(int line)
    {
        var original = Archive()[line - 1];
        // Every position of the line, changed to a character that keeps most lines parseable.
        for (var at = 0; at < original.Length; at++)
        {
            var lines = Archive();
            var changed = original[at] == 'a' ? 'b' : 'a';
            lines[line - 1] = string.Concat(original.AsSpan(0, at), changed.ToString(), original.AsSpan(at + 1));
            var verdict = Verify(lines);
            verdict.BadLine.ShouldBe(line, $"byte {at} of line {line} changed to '{changed}': {lines[line - 1]}");
        }
    }

    [Fact]
    public void a_removed_line_is_refused_where_the_gap_shows()
    {
        var lines = Archive();
        lines.RemoveAt(2);
        Verify(lines).BadLine.ShouldBe(3);

        var truncated = Archive();
        truncated.RemoveAt(5);
        Verify(truncated).BadLine.ShouldBe(6);

        var extra = Archive();
        extra.Add(extra[5]);
        Verify(extra).BadLine.ShouldBe(7);
    }

    [Fact]
    public void reordered_lines_are_refused_at_the_first_out_of_place()
    {
        var lines = Archive();
        (lines[3], lines[4]) = (lines[4], lines[3]);
        Verify(lines).BadLine.ShouldBe(4);

        var manifestLast = Archive();
        manifestLast.Add(manifestLast[0]);
        manifestLast.RemoveAt(0);
        Verify(manifestLast).BadLine.ShouldBe(1);
    }

    [Fact]
    public void an_empty_archive_is_refused_at_line_one() => ArchiveVerification.Verify([]).BadLine.ShouldBe(1);
}
