using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// The live channel of a workshop at /hubs/review. Clients join an assessment's board and their session; the server
/// only ever pushes committed changes (see PushDispatcher). Joins answer the current assessment version, so a client
/// knows where its pushes continue and can catch up from history.
/// </summary>
[Authorize]
public sealed class ReviewHub(IDocumentStore store, PresenceLedger presence, ParticipantConnections connections) : Hub
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
        await presence.JoinAsync(Context.ConnectionId, sessionId, actor);

        await using var read = store.QuerySession();
        var reviewSession = await read.LoadAsync<ReviewSession>(sessionId);
        return (await read.Events.FetchStreamStateAsync(reviewSession!.AssessmentId))?.Version ?? 0;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        if (Context.User?.ToActor() is { } actor)
        {
            await presence.LeaveAsync(Context.ConnectionId, actor);
        }

        await base.OnDisconnectedAsync(exception);
    }
}
