using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>Takes back the facilitator's last reveal, close, discard or verdict with compensating events.</summary>
public static class UndoLastActionEndpoint
{
    public static Task<SessionStreams?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        SessionStreams.LockAsync(session, id, cancellation);

    public static ProblemDetails Before(SessionStreams? streams) =>
        streams is null ? Refusals.NotFound("No such session.")
        : streams.State.UndoStack.Count == 0 ? Refusals.Conflict("There is nothing to undo.", streams.Assessment.Aggregate!.Version)
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/sessions/{id}/undo"), Authorize(Roles = "facilitator")]
    public static async Task<WriteAccepted> Post([NotBody] SessionStreams streams, IDocumentSession session, CancellationToken cancellation)
    {
        var last = streams.State.UndoStack[^1];
        var assessmentId = streams.State.AssessmentId;
        var outcome = last.Kind switch
        {
            "reveal" => UndoDecisions.UndoReveal(streams.State.FindRound(last.Target)!,
                (await session.Events.FetchStreamAsync(assessmentId, token: cancellation)).Select(e => e.Data).OfType<IAssessmentEvent>()),
            "close" => new RoundOutcome([new RoundReopened(last.Target)], []),
            "discard" => new RoundOutcome([new RoundDiscardUndone(last.Target)], []),
            _ => UndoDecisions.UndoVerdict(last.Target, last.AssessmentVersion,
                (await session.Events.AggregateStreamAsync<Assessment>(assessmentId, last.AssessmentVersion - 1, token: cancellation))?.FindArea(last.Target))
        };

        streams.Session.AppendMany(outcome.SessionEvents);
        streams.Assessment.AppendMany(outcome.AssessmentEvents);
        return new WriteAccepted(streams.AssessmentVersionAfter(outcome.AssessmentEvents.Count));
    }
}
