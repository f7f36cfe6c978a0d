using System.Collections.Concurrent;
using ServiceSharing.Domain.Participants;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// The connections this node holds and the sessions each joined: only a cache of what the node itself knows, kept so
/// it can put its rows back in the shared presence table if they were swept while it was too slow to beat
/// (see PresenceHeartbeat). Whether someone is present is decided from that table, across all nodes.
/// </summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<string, (Actor Actor, HashSet<Guid> Sessions)> _connections = new();

    public void Join(string connectionId, Actor actor, Guid sessionId)
    {
        var entry = _connections.GetOrAdd(connectionId, _ => (actor, []));
        lock (entry.Sessions)
        {
            entry.Sessions.Add(sessionId);
        }
    }

    public void Leave(string connectionId) => _connections.TryRemove(connectionId, out _);

    public int Count => Snapshot().Count;

    public IReadOnlyList<(string ConnectionId, Guid SessionId, Actor Actor)> Snapshot() =>
        _connections.SelectMany(c =>
        {
            lock (c.Value.Sessions)
            {
                return c.Value.Sessions.Select(s => (c.Key, s, c.Value.Actor)).ToList();
            }
        }).ToList();
}
