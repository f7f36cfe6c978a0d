using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.History;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Turns the events this node committed into hub messages, one at a time, in the order they were committed, and
/// sends each at once. Nothing here waits for a version: with several nodes the one before may have been committed
/// on another node and pushed by it, so putting versions in order is the client's job (docs/realtime.md, "Ordering").
/// With the Redis backplane a group send reaches every node's clients, in the order this node sent them.
/// </summary>
public sealed class PushDispatcher(
    CommittedEventsListener listener,
    IHubContext<ReviewHub> hub,
    SessionPushes sessionPushes,
    CalibrationPushes calibrationPushes,
    PushMetrics pushes,
    ILogger<PushDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var committed in listener.Committed.ReadAllAsync(stoppingToken))
        {
            await DispatchAsync(committed);
        }
    }

    private async Task DispatchAsync(CommittedEvent committed)
    {
        try
        {
            switch (committed.Event.Data)
            {
                case IAssessmentEvent:
                    await SendBoardChangeAsync(committed);
                    break;
                case ISessionEvent:
                    await sessionPushes.SendAsync(committed);
                    break;
                case ICalibrationEvent:
                    await calibrationPushes.SendAsync(committed);
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

    private async Task SendBoardChangeAsync(CommittedEvent committed)
    {
        var e = committed.Event;
        var change = new BoardChange(e.Data.GetType().Name, e.Timestamp, ActorView.Of(e), e.Data);
        pushes.Sending(PushMetrics.Board, e.Timestamp);
        await hub.Clients.Group(HubGroups.Assessment(committed.StreamId))
            .SendAsync(nameof(BoardChanged), new BoardChanged(committed.StreamId, committed.Version, change));
    }
}
