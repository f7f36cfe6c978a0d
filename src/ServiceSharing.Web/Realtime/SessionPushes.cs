using Marten;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Sessions;
using DomainRoundOpened = ServiceSharing.Domain.Sessions.RoundOpened;
using DomainRoundRevealed = ServiceSharing.Domain.Sessions.RoundRevealed;
using DomainRoundClosed = ServiceSharing.Domain.Sessions.RoundClosed;
using DomainSessionClosed = ServiceSharing.Domain.Sessions.SessionClosed;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// The session's messages to its group. The session's state is rebuilt at the event's own version, so a message
/// shows the session as it stood when the event was committed. No score of a blind round leaves before its reveal.
/// </summary>
public sealed class SessionPushes(IHubContext<ReviewHub> hub, IDocumentStore store, PushMetrics pushes)
{
    /// <summary>Who may see everything a revealed round shows: the message goes to the whole session.</summary>
    private static readonly Actor Everyone = new(Guid.Empty, "", Org.Wpf, Role.Observer);

    public async Task SendAsync(CommittedEvent committed)
    {
        await using var query = store.QuerySession();
        var sessionId = committed.StreamId;
        var state = await query.Events.AggregateStreamAsync<ReviewSession>(sessionId, committed.Version);
        if (state is null)
        {
            return;
        }

        // Read, not remembered: with several nodes the board may have moved on elsewhere.
        var version = (await query.Events.FetchStreamStateAsync(state.AssessmentId))?.Version ?? 0;
        var sessionVersion = committed.Version;
        var group = hub.Clients.Group(HubGroups.Session(sessionId));

        object? message = committed.Event.Data switch
        {
            ParticipantJoined or ParticipantLeft => new PresenceChanged(sessionId, version, sessionVersion,
                SessionView.For(state, Everyone).Participants.Where(p => p.Connected).ToList()),
            DomainRoundOpened e => new RoundOpened(sessionId, e.RoundId, e.AreaId, e.Factors.Select(f => f.Key()).ToList(), e.Blind, version, sessionVersion),
            RoundRatingSubmitted e => new RatingSubmitted(sessionId, e.RoundId, e.ReviewerId, e.ReviewerOrg.Key(), e.Factor.Key(),
                state.FindRound(e.RoundId)?.ScoresVisible == true ? e.Score : null, e.EnteredBy, version, sessionVersion),
            DomainRoundRevealed e => new RoundRevealed(sessionId, e.RoundId,
                SessionView.For(state, Everyone).Rounds.Single(r => r.RoundId == e.RoundId).Ratings, version, sessionVersion),
            DomainRoundClosed e => new RoundClosed(sessionId, e.RoundId, version, sessionVersion),
            RoundRevoteOpened e => new RoundChanged(sessionId, e.RoundId, "revote", version, sessionVersion),
            RoundReopened e => new RoundChanged(sessionId, e.RoundId, "reopened", version, sessionVersion),
            RoundRevealUndone e => new RoundChanged(sessionId, e.RoundId, "reveal-undone", version, sessionVersion),
            RoundDiscarded e => new RoundChanged(sessionId, e.RoundId, "discarded", version, sessionVersion),
            RoundDiscardUndone e => new RoundChanged(sessionId, e.RoundId, "discard-undone", version, sessionVersion),
            ProxyRatingConfirmed e => new RoundChanged(sessionId, e.RoundId, "confirmed", version, sessionVersion),
            DomainSessionClosed => new SessionClosed(sessionId, version, sessionVersion),
            _ => null
        };

        if (message is not null)
        {
            pushes.Sending(PushMetrics.Session, committed.Event.Timestamp);
            await group.SendAsync(message.GetType().Name, message);
        }
    }
}
