using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

public sealed record InviteToSession(Guid? ParticipantId);

public sealed record SessionInvitation(Guid ParticipantId, Guid SessionId);

/// <summary>Adds an invited participant to a session: reviewers can only join sessions they were added to.</summary>
public static class InviteToSessionEndpoint
{
    public static ProblemDetails Validate(InviteToSession? command) => command?.ParticipantId is null || command.ParticipantId == Guid.Empty
        ? new RequestErrors().Add("participantId", "'participantId' is required.").ToProblem()
        : WolverineContinue.NoProblems;

    public static ProblemDetails Before(Participant? participant, SessionStreams? streams) =>
        streams is null ? Refusals.NotFound("No such session.")
        : participant is null ? Refusals.NotFound("No such participant.")
        : streams.State.Closed ? Refusals.Conflict("The session is closed.", streams.Assessment.Aggregate!.Version)
        : WolverineContinue.NoProblems;

    public static async Task<(SessionStreams?, Participant?)> LoadAsync(
        Guid id, InviteToSession command, IDocumentSession session, CancellationToken cancellation) =>
        (await SessionStreams.LockAsync(session, id, cancellation),
            await session.LoadAsync<Participant>(command.ParticipantId!.Value, cancellation));

    [WolverinePost("/api/sessions/{id}/participants"), Authorize(Roles = "facilitator")]
    [ProducesResponseType<SessionInvitation>(StatusCodes.Status200OK)]
    public static IResult Post(InviteToSession command, [NotBody] Participant participant, [NotBody] SessionStreams streams)
    {
        if (!streams.State.IsInvited(participant.Id))
        {
            streams.Session.AppendOne(new ParticipantInvitedToSession(participant.Id, participant.Name, participant.Org, participant.Role));
        }

        return Results.Ok(new SessionInvitation(participant.Id, streams.State.Id));
    }
}
