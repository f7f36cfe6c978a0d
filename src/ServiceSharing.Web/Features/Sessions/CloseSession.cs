using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

public static class CloseSessionEndpoint
{
    public static Task<SessionStreams?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        SessionStreams.LockAsync(session, id, cancellation);

    public static ProblemDetails Before(SessionStreams? streams) =>
        streams is null ? Refusals.NotFound("No such session.")
        : streams.State.Closed ? Refusals.Conflict("The session is closed already.", streams.Assessment.Aggregate!.Version)
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/sessions/{id}/close"), Authorize(Roles = "facilitator")]
    public static WriteAccepted Post([NotBody] SessionStreams streams)
    {
        streams.Session.AppendOne(new SessionClosed());
        return new WriteAccepted(streams.AssessmentVersionAfter(0));
    }
}
