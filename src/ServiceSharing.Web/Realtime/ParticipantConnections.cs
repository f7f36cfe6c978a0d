using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Web.Observability;

namespace ServiceSharing.Web.Realtime;

/// <summary>The hub connections open on this node, by participant, so a revoked participant's can be closed. Their
/// number is the gauge servicesharing.clients.connected, tagged with this node's id (the one presence rows carry).</summary>
public sealed class ParticipantConnections
{
    private readonly ConcurrentDictionary<string, (Guid ParticipantId, HubCallerContext Context)> _open = new();

    public ParticipantConnections(ServiceMeter meter, HubNode node)
    {
        var tag = new KeyValuePair<string, object?>("node", node.Id.ToString());
        meter.Meter.CreateObservableGauge("servicesharing.clients.connected", () => new Measurement<int>(_open.Count, tag),
            "{connection}", "Hub connections open on this node.");
    }

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
