using System.Collections.Concurrent;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Which connection is which participant in which sessions. A participant counts as present in a session while at
/// least one of their connections (tabs, devices) has joined it.
/// </summary>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<string, (Guid ParticipantId, HashSet<Guid> Sessions)> _connections = new();
    private readonly Lock _gate = new();

    /// <summary>Records the join; true when this is the participant's first connection in the session.</summary>
    public bool Join(string connectionId, Guid participantId, Guid sessionId)
    {
        lock (_gate)
        {
            var first = !IsPresent(participantId, sessionId);
            var entry = _connections.GetOrAdd(connectionId, _ => (participantId, []));
            entry.Sessions.Add(sessionId);
            return first;
        }
    }

    /// <summary>Forgets the connection; returns the sessions the participant has now left altogether.</summary>
    public (Guid ParticipantId, IReadOnlyList<Guid> LeftSessions)? Leave(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.TryRemove(connectionId, out var entry))
            {
                return null;
            }

            return (entry.ParticipantId, entry.Sessions.Where(s => !IsPresent(entry.ParticipantId, s)).ToList());
        }
    }

    private bool IsPresent(Guid participantId, Guid sessionId) =>
        _connections.Values.Any(c => c.ParticipantId == participantId && c.Sessions.Contains(sessionId));
}
