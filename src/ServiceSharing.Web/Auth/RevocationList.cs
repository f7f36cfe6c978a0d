using Marten;
using ServiceSharing.Domain.Participants;

namespace ServiceSharing.Web.Auth;

/// <summary>
/// This node's copy of who has been revoked, consulted on every token validation without touching the database.
/// It is only a cache: RevocationWatch reloads it from the participants' read model every RefreshInterval, so a
/// revocation made on any node is refused here within that time; the node that records a revocation knows it at
/// once (RevocationListener). Should the database not answer, the last list read stays in force.
/// </summary>
public sealed class RevocationList
{
    /// <summary>Well inside the 5 s in which a revocation must hold on every node.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private volatile IReadOnlySet<Guid> _revoked = new HashSet<Guid>();

    public bool IsRevoked(Guid participantId) => _revoked.Contains(participantId);

    public IReadOnlySet<Guid> Revoked => _revoked;

    /// <summary>The store is passed in, not injected: the store's own listener (RevocationListener) needs this list.</summary>
    public async Task<IReadOnlySet<Guid>> ReloadAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var revoked = await query.Query<Participant>().Where(p => p.RevokedAt != null).Select(p => p.Id).ToListAsync(cancellation);
        // Revocations are never undone, so a reload only adds: keep what this node learnt while the query ran.
        lock (_gate)
        {
            _revoked = new HashSet<Guid>(revoked.Concat(_revoked));
            return _revoked;
        }
    }

    public void Add(Guid participantId)
    {
        lock (_gate)
        {
            _revoked = new HashSet<Guid>(_revoked) { participantId };
        }
    }
}
