using Marten;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Calibrations;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// A calibration round's changes to everyone on its assessment, so the calibration view follows the round live. The
/// message says only what changed: never who gave which score (the round is blind until revealed).
/// </summary>
public sealed class CalibrationPushes(IHubContext<ReviewHub> hub, IDocumentStore store, PushMetrics pushes)
{
    public async Task SendAsync(CommittedEvent committed)
    {
        var change = committed.Event.Data switch
        {
            CalibrationOpened => "opened",
            CalibrationRated => "rated",
            CalibrationRevealed => "revealed",
            _ => null
        };
        if (change is null)
        {
            return;
        }

        // The round's document is written in the same transaction as its events (inline), so it is there to read.
        var assessmentId = committed.Event.Data is CalibrationOpened opened ? opened.AssessmentId : await AssessmentOfAsync(committed.StreamId);
        if (assessmentId is { } id)
        {
            pushes.Sending(PushMetrics.Calibration, committed.Event.Timestamp);
            await hub.Clients.Group(HubGroups.Assessment(id))
                .SendAsync(nameof(CalibrationChanged), new CalibrationChanged(id, committed.StreamId, change, committed.Version));
        }
    }

    private async Task<Guid?> AssessmentOfAsync(Guid roundId)
    {
        await using var query = store.QuerySession();
        return (await query.LoadAsync<CalibrationRound>(roundId))?.AssessmentId;
    }
}
