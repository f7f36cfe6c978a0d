using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

public sealed record OpenRound(Guid? AreaId, IReadOnlyList<string>? Factors, bool? Blind);

public sealed record RoundStarted(Guid RoundId, Guid SessionId) : CreationResponse($"/api/sessions/{SessionId}");

/// <summary>The facilitator puts one area (all four factors, or chosen ones) to the panel, blind or open.</summary>
public static class OpenRoundEndpoint
{
    public static ProblemDetails Validate(OpenRound? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var errors = new RequestErrors()
            .When(command.AreaId is null || command.AreaId == Guid.Empty, "areaId", "'areaId' is required.")
            .When(command.Blind is null, "blind", "'blind' is required: true hides scores until the reveal.");
        var factors = command.Factors ?? [];
        errors.When(factors.Any(f => !FactorKeys.TryParse(f, out _)), "factors", $"'factors' may only list {FactorKeys.AllKeys}.");
        errors.When(factors.Distinct(StringComparer.OrdinalIgnoreCase).Count() != factors.Count, "factors", "'factors' lists a factor twice.");
        return errors.ToProblem();
    }

    public static Task<SessionStreams?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        SessionStreams.LockAsync(session, id, cancellation);

    public static ProblemDetails Before(OpenRound command, SessionStreams? streams) =>
        streams is null ? Refusals.NotFound("No such session.")
        : streams.State.Closed ? Refusals.Conflict("The session is closed.", streams.Assessment.Aggregate!.Version)
        : streams.Assessment.Aggregate!.FindArea(command.AreaId!.Value) is null ? Refusals.NotFound($"The assessment has no area '{command.AreaId}'.")
        : WolverineContinue.NoProblems;

    [WolverinePost("/api/sessions/{id}/rounds"), Authorize(Roles = "facilitator")]
    public static RoundStarted Post(OpenRound command, [NotBody] SessionStreams streams)
    {
        var opened = Decide(Guid.NewGuid(), command);
        streams.Session.AppendOne(opened);
        return new RoundStarted(opened.RoundId, streams.State.Id);
    }

    public static RoundOpened Decide(Guid roundId, OpenRound command)
    {
        var factors = command.Factors is { Count: > 0 } chosen
            ? chosen.Select(f => { FactorKeys.TryParse(f, out var factor); return factor; }).ToList()
            : Enum.GetValues<Factor>().ToList();
        return new RoundOpened(roundId, command.AreaId!.Value, factors, command.Blind!.Value);
    }
}
