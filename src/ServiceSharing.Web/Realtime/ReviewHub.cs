using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// The live channel of a workshop at /hubs/review. Clients join an assessment's board and their session; the server
/// only ever pushes committed changes (see PushDispatcher). Joins answer the current assessment version, so a client
/// knows where its pushes continue and can catch up from history.
/// </summary>
[Authorize]
public sealed class ReviewHub(IDocumentStore store, PresenceTracker presence, ParticipantConnections connections) : Hub
{
    public const string Path = "/hubs/review";

    /// <summary>Clients only send ids (join an assessment or a session); anything far larger is refused and the connection closed.</summary>
    public const int MaximumMessageBytes = 4 * 1024;

    /// <summary>Revocation closes a participant's open connections, so each is known by who holds it.</summary>
    public override async Task OnConnectedAsync()
    {
        connections.Opened(Context.User!.RequireActor().Id, Context);
        await base.OnConnectedAsync();
    }

    public async Task<long> JoinAssessment(Guid assessmentId)
    {
        // Joining the group before reading the version: a change committed in between is pushed, never lost.
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Assessment(assessmentId));
        await using var query = store.QuerySession();
        var state = await query.Events.FetchStreamStateAsync(assessmentId);
        if (state is null || await query.LoadAsync<Assessment>(assessmentId) is null)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Assessment(assessmentId));
            throw new HubException($"No assessment '{assessmentId}'.");
        }

        return state.Version;
    }

    public async Task<long> JoinSession(Guid sessionId)
    {
        var actor = Context.User!.RequireActor();
        await using (var query = store.QuerySession())
        {
            var session = await query.LoadAsync<ReviewSession>(sessionId) ?? throw new HubException($"No session '{sessionId}'.");
            if (actor.IsReviewer && !session.IsInvited(actor.Id))
            {
                throw new HubException("Reviewers join the sessions they are invited to.");
            }
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Session(sessionId));
        if (presence.Join(Context.ConnectionId, actor.Id, sessionId))
        {
            await RecordPresenceAsync(sessionId, actor, joined: true);
        }

        await using var read = store.QuerySession();
        var reviewSession = await read.LoadAsync<ReviewSession>(sessionId);
        return (await read.Events.FetchStreamStateAsync(reviewSession!.AssessmentId))?.Version ?? 0;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        if (presence.Leave(Context.ConnectionId) is { } left && Context.User?.ToActor() is { } actor)
        {
            foreach (var sessionId in left.LeftSessions)
            {
                await RecordPresenceAsync(sessionId, actor, joined: false);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Presence is part of the session's record, so a replay shows who was in the room.</summary>
    private async Task RecordPresenceAsync(Guid sessionId, Actor actor, bool joined)
    {
        await using var session = store.LightweightSession();
        session.Stamp(actor);
        var stream = await session.Events.FetchForExclusiveWriting<ReviewSession>(sessionId);
        var connected = stream.Aggregate?.FindParticipant(actor.Id)?.Connected == true;
        if (joined == connected)
        {
            return;
        }

        stream.AppendOne(joined
            ? new ParticipantJoined(actor.Id, actor.Name, actor.Org, actor.Role)
            : new ParticipantLeft(actor.Id));
        await session.SaveChangesAsync();
    }
}
