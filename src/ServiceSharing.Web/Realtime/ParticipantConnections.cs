using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ServiceSharing.Web.Realtime;

/// <summary>The hub connections open on this node, by participant, so a revoked participant's can be closed.</summary>
public sealed class ParticipantConnections
{
    private readonly ConcurrentDictionary<string, (Guid ParticipantId, HubCallerContext Context)> _open = new();

    public void Opened(Guid participantId, HubCallerContext context) => _open[context.ConnectionId] = (participantId, context);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public void Abort(Guid participantId) => AbortWhere(id => id == participantId);

    public void AbortAll(IReadOnlySet<Guid> participantIds) => AbortWhere(participantIds.Contains);

    private void AbortWhere(Func<Guid, bool> revoked)
    {
        foreach (var (_, (participantId, context)) in _open)
        {
            if (revoked(participantId))
            {
                context.Abort();
            }
        }
    }
}
