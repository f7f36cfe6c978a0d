using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.History;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Turns committed events into hub messages, one at a time, in the order they were committed. Board changes leave
/// in version order per assessment: one that arrives ahead of its predecessor waits for it (briefly; past
/// <see cref="GapPatience"/> it goes anyway and clients fill the gap from history).
/// </summary>
public sealed class PushDispatcher(
    CommittedEventsListener listener,
    IHubContext<ReviewHub> hub,
    SessionPushes sessionPushes,
    ILogger<PushDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<Guid, long> _lastBoardVersion = [];
    private readonly Dictionary<Guid, SortedDictionary<long, (CommittedEvent Event, DateTimeOffset Since)>> _waiting = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = listener.Committed;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            tick.CancelAfter(GapPatience / 2);
            try
            {
                while (reader.TryRead(out var committed))
                {
                    await DispatchAsync(committed);
                }

                await reader.WaitToReadAsync(tick.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                await FlushOverdueAsync();
            }
        }
    }

    private async Task DispatchAsync(CommittedEvent committed)
    {
        try
        {
            switch (committed.Event.Data)
            {
                case IAssessmentEvent:
                    await OrderBoardChangeAsync(committed);
                    break;
                case ISessionEvent:
                    await sessionPushes.SendAsync(committed, _lastBoardVersion);
                    break;
            }
        }
        catch (Exception e)
        {
            // A failed push loses nothing: clients catch up from history when they see the next version.
            logger.LogWarning(e, "Could not push {Type} of stream {Stream} at version {Version}.",
                committed.Event.EventTypeName, committed.StreamId, committed.Version);
        }
    }

    private async Task OrderBoardChangeAsync(CommittedEvent committed)
    {
        var id = committed.StreamId;
        if (_lastBoardVersion.TryGetValue(id, out var last) && committed.Version != last + 1)
        {
            if (committed.Version > last)
            {
                WaitingFor(id)[committed.Version] = (committed, DateTimeOffset.UtcNow);
            }

            return;
        }

        await SendBoardChangeAsync(committed);
        await SendQueuedSuccessorsAsync(id);
    }

    private async Task SendQueuedSuccessorsAsync(Guid id)
    {
        var waiting = WaitingFor(id);
        while (waiting.Count > 0 && waiting.First().Key == _lastBoardVersion[id] + 1)
        {
            var next = waiting.First();
            waiting.Remove(next.Key);
            await SendBoardChangeAsync(next.Value.Event);
        }
    }

    private async Task FlushOverdueAsync()
    {
        foreach (var (id, waiting) in _waiting)
        {
            if (waiting.Count > 0 && DateTimeOffset.UtcNow - waiting.First().Value.Since > GapPatience)
            {
                var first = waiting.First();
                waiting.Remove(first.Key);
                await SendBoardChangeAsync(first.Value.Event);
                await SendQueuedSuccessorsAsync(id);
            }
        }
    }

    private async Task SendBoardChangeAsync(CommittedEvent committed)
    {
        _lastBoardVersion[committed.StreamId] = committed.Version;
        var e = committed.Event;
        var change = new BoardChange(e.Data.GetType().Name, e.Timestamp, ActorView.Of(e), e.Data);
        await hub.Clients.Group(HubGroups.Assessment(committed.StreamId))
            .SendAsync(nameof(BoardChanged), new BoardChanged(committed.StreamId, committed.Version, change));
    }

    private SortedDictionary<long, (CommittedEvent Event, DateTimeOffset Since)> WaitingFor(Guid id)
    {
        if (!_waiting.TryGetValue(id, out var waiting))
        {
            waiting = [];
            _waiting[id] = waiting;
        }

        return waiting;
    }
}
