using ServiceSharing.Domain.Audit;

namespace ServiceSharing.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly Guid Assessment = Guid.Parse("3f1b2c4d-0000-4000-8000-000000000001");
    private static readonly DateTimeOffset Start = new(2026, 2, 3, 14, 5, 6, TimeSpan.Zero);

    public static ChainEntry Entry(long position, string data = """{"Score":2,"Rationale":"Same vendor"}""") =>
        new(position, Assessment, Guid.Parse($"00000000-0000-4000-8000-{position:D12}"), "factor_rated", data,
            Start.AddSeconds(position).AddTicks(1234560), "b1a9d0c0-0000-4000-8000-000000000042", $"corr-{position}", null,
            """{"actor-name":"Cathy","actor-org":"city","actor-role":"reviewer"}""");

    public static List<RecordedEntry> Chain(int length)
    {
        var previous = AuditChain.Genesis;
        var chain = new List<RecordedEntry>();
        for (var position = 1; position <= length; position++)
        {
            var entry = Entry(position);
            previous = AuditChain.HashOf(entry, previous);
            chain.Add(new RecordedEntry(entry, previous));
        }

        return chain;
    }

    [Fact]
    public void the_hash_is_sha256_of_the_canonical_entry_and_the_previous_hash()
    {
        var entry = Entry(1);
        var hash = AuditChain.HashOf(entry, AuditChain.Genesis);
        hash.Length.ShouldBe(64);
        hash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(entry.Canonical(AuditChain.Genesis)))));
        entry.Canonical(AuditChain.Genesis).ShouldStartWith("""{"actor":"b1a9d0c0-0000-4000-8000-000000000042","causation":null,"correlation":"corr-1","data":{"Rationale":"Same vendor","Score":2},""");
    }

    [Fact]
    public void content_metadata_and_the_previous_hash_each_change_the_hash()
    {
        var entry = Entry(3);
        var hash = AuditChain.HashOf(entry, AuditChain.Genesis);
        AuditChain.HashOf(entry with { Data = """{"Score":3,"Rationale":"Same vendor"}""" }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry with { Actor = "someone else" }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry with { CorrelationId = "corr-x" }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry with { Time = entry.Time.AddTicks(10) }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry with { EventType = "joint_rating_recorded" }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry with { Headers = """{"actor-name":"Carl","actor-org":"city","actor-role":"reviewer"}""" }, AuditChain.Genesis).ShouldNotBe(hash);
        AuditChain.HashOf(entry, new string('1', 64)).ShouldNotBe(hash);
    }

    [Fact]
    public void the_hash_is_the_same_for_the_json_postgresql_gives_back()
    {
        var entry = Entry(2);
        // jsonb orders keys by length, adds spaces, and keeps 1E-05 as 0.00001; ticks below the microsecond are cut off.
        var asStored = entry with
        {
            Data = """{"Score": 2, "Rationale": "Same vendor"}""",
            Headers = """{"actor-org": "city", "actor-name": "Cathy", "actor-role": "reviewer"}""",
            Time = ChainTime.AsStored(entry.Time)
        };
        AuditChain.HashOf(asStored, AuditChain.Genesis).ShouldBe(AuditChain.HashOf(entry, AuditChain.Genesis));
        CanonicalJson.Normalize("""{"w":1E-05,"b":[1.50, true, null],"a":"\u00e9"}""").ShouldBe("""{"a":"é","b":[1.50,true,null],"w":0.00001}""");
    }

    [Fact]
    public void an_intact_chain_verifies_to_its_head()
    {
        var chain = Chain(5);
        var verdict = AuditChain.Verify(chain);
        verdict.IsIntact.ShouldBeTrue();
        verdict.Head.ShouldBe(new ChainHead(5, chain[^1].Hash, chain[^1].Entry.Time));
        AuditChain.Verify([]).Head.ShouldBe(ChainHead.Empty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void a_changed_entry_breaks_the_chain_exactly_there(int position)
    {
        var chain = Chain(5);
        chain[position - 1] = chain[position - 1] with { Entry = chain[position - 1].Entry with { Data = """{"Score":4,"Rationale":"Same vendor"}""" } };
        var verdict = AuditChain.Verify(chain);
        verdict.IsIntact.ShouldBeFalse();
        verdict.BrokenPosition.ShouldBe(position);
    }

    [Fact]
    public void a_changed_entry_whose_hash_was_recomputed_breaks_the_chain_at_the_next_entry()
    {
        var chain = Chain(5);
        var forged = chain[1].Entry with { Data = """{"Score":4,"Rationale":"Same vendor"}""" };
        chain[1] = new RecordedEntry(forged, AuditChain.HashOf(forged, chain[0].Hash));
        AuditChain.Verify(chain).BrokenPosition.ShouldBe(3);
    }

    [Fact]
    public void a_removed_or_moved_entry_breaks_the_chain_where_the_gap_shows()
    {
        var removed = Chain(5);
        removed.RemoveAt(2);
        AuditChain.Verify(removed).BrokenPosition.ShouldBe(3);

        var swapped = Chain(5);
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);
        AuditChain.Verify(swapped).BrokenPosition.ShouldBe(2);
    }
}
