using Marten;
using Marten.Services;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Web.Realtime;

namespace ServiceSharing.Web.Auth;

/// <summary>
/// On the node that records a revocation, it holds as soon as it is committed: before the revoke request is answered,
/// the participant's tokens are refused here and their hub connections on this node are closed.
/// </summary>
public sealed class RevocationListener(RevocationList revocations, ParticipantConnections connections) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var revoked in commit.GetEvents().Select(e => e.Data).OfType<ParticipantRevoked>())
        {
            revocations.Add(revoked.ParticipantId);
            connections.Abort(revoked.ParticipantId);
        }

        return Task.CompletedTask;
    }
}
