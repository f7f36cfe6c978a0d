using System.Security.Cryptography;
using System.Text;

namespace ServiceSharing.Domain.Audit;

/// <summary>
/// The hash chain over an assessment's events: each entry's SHA-256 covers its canonical content and the hash of the
/// entry before it, so changing, removing or reordering any entry changes every hash after it, and the head hash
/// stands for the whole history.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(ChainEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.Canonical(previousHash))));

    /// <summary>Walks recorded entries in order from <paramref name="from"/> (the genesis when null) and reports the
    /// first one whose position, or recorded hash, is not what its content and its predecessor make it.</summary>
    public static ChainVerdict Verify(IEnumerable<RecordedEntry> entries, ChainHead? from = null)
    {
        var previous = from?.Hash ?? Genesis;
        var position = from?.Position ?? 0;
        var time = from?.Time;
        foreach (var recorded in entries)
        {
            position++;
            if (recorded.Entry.Position != position)
            {
                return ChainVerdict.BrokenAt(position, $"expected entry {position}, found entry {recorded.Entry.Position}");
            }

            var hash = HashOf(recorded.Entry, previous);
            if (!string.Equals(hash, recorded.Hash, StringComparison.Ordinal))
            {
                return ChainVerdict.BrokenAt(position, $"entry {position} (event {recorded.Entry.EventId}) does not hash to its recorded hash");
            }

            previous = hash;
            time = recorded.Entry.Time;
        }

        return ChainVerdict.Intact(new ChainHead(position, previous, time));
    }
}

/// <summary>An entry and the hash recorded beside it when it was appended.</summary>
public sealed record RecordedEntry(ChainEntry Entry, string Hash);

/// <summary>The last entry of a chain: how many entries, the last hash, and when the last was appended.</summary>
public sealed record ChainHead(long Position, string Hash, DateTimeOffset? Time)
{
    public static ChainHead Empty { get; } = new(0, AuditChain.Genesis, null);
}

/// <summary>Either the chain holds, up to its head, or it breaks first at one position.</summary>
public sealed record ChainVerdict(bool IsIntact, ChainHead? Head, long? BrokenPosition, string? Reason)
{
    public static ChainVerdict Intact(ChainHead head) => new(true, head, null, null);

    public static ChainVerdict BrokenAt(long position, string reason) => new(false, null, position, reason);
}
