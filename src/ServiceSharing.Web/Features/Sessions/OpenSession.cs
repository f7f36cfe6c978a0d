using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Sessions;

public sealed record QuorumInput(int? City, int? County);

public sealed record OpenSession(Guid? AssessmentId, string? Title, QuorumInput? Quorum);

public sealed record SessionStarted(Guid Id) : CreationResponse($"/api/sessions/{Id}");

/// <summary>A facilitator opens a joint workshop on an assessment; they are its first participant.</summary>
public static class OpenSessionEndpoint
{
    public const int MaxQuorum = 50;

    public static ProblemDetails Validate(OpenSession? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.AssessmentId is null || command.AssessmentId == Guid.Empty, "assessmentId", "'assessmentId' is required.")
            .RequiredText("title", command.Title, RequestErrors.TitleMax)
            .When(command.Quorum?.City is < 0 or > MaxQuorum, "quorum.city", $"'quorum.city' must be from 0 to {MaxQuorum}.")
            .When(command.Quorum?.County is < 0 or > MaxQuorum, "quorum.county", $"'quorum.county' must be from 0 to {MaxQuorum}.")
            .ToProblem();
    }

    public static async Task<ProblemDetails> Before(OpenSession command, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Assessment>(command.AssessmentId!.Value, cancellation) is null
            ? Refusals.NotFound($"No assessment '{command.AssessmentId}'.")
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/sessions"), Authorize(Roles = "facilitator")]
    public static (SessionStarted, IStartStream) Post(OpenSession command, ClaimsPrincipal user)
    {
        var facilitator = user.RequireActor();
        var quorum = new Quorum(command.Quorum?.City ?? Quorum.Default.City, command.Quorum?.County ?? Quorum.Default.County);
        var id = Guid.NewGuid();
        return (new SessionStarted(id), MartenOps.StartStream<ReviewSession>(id,
            new SessionOpened(id, command.AssessmentId!.Value, command.Title!.Trim(), quorum),
            new ParticipantInvitedToSession(facilitator.Id, facilitator.Name, facilitator.Org, facilitator.Role)));
    }
}
