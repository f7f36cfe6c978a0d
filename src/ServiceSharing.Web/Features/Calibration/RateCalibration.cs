using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Calibration;

public sealed record RateCalibration(Guid? AreaId, string? Factor, int? Score, string? Rationale, long? ExpectedVersion);

/// <summary>The answer to every accepted change of a calibration round: the version the round is now at.</summary>
public sealed record RoundWriteAccepted(Guid RoundId, long Version);

/// <summary>A reviewer's practice score, for themselves and their own org (from the token), while the round is open.</summary>
public static class RateCalibrationEndpoint
{
    public static ProblemDetails Validate(RateCalibration? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(command.AreaId is null || command.AreaId == Guid.Empty, "areaId", "'areaId' is required.")
            .When(!FactorKeys.TryParse(command.Factor, out _), "factor", $"'factor' must be one of {FactorKeys.AllKeys}.")
            .When(command.Score is not { } score || !AssessmentRubric.IsOnScale(score), "score",
                $"'score' is required and must be a whole number from {AssessmentRubric.MinScore} to {AssessmentRubric.MaxScore}.")
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static ProblemDetails Before(RateCalibration command, Guid id, CalibrationRound round)
    {
        var problem = RoundPreconditions.Check(round, id, command.ExpectedVersion);
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        if (round.Revealed)
        {
            return RoundRefusals.Conflict("The round has been revealed; it takes no more ratings.", round.Version);
        }

        return round.IsReferenceArea(command.AreaId!.Value)
            ? WolverineContinue.NoProblems
            : Refusals.NotFound($"Area '{command.AreaId}' is not a reference area of this round.");
    }

    [WolverinePost("/api/assessments/{id}/calibrations/{roundId}/ratings"), Authorize(Roles = "reviewer")]
    public static (RoundWriteAccepted, Events) Post(
        RateCalibration command,
        [WriteAggregate("roundId", LoadStyle = ConcurrencyStyle.Exclusive)] CalibrationRound round,
        ClaimsPrincipal user)
        => (new RoundWriteAccepted(round.Id, round.Version + 1), [Decide(command, user.RequireActor())]);

    public static CalibrationRated Decide(RateCalibration command, Actor reviewer)
    {
        FactorKeys.TryParse(command.Factor, out var factor);
        return new CalibrationRated(command.AreaId!.Value, factor, command.Score!.Value, Blank.ToNull(command.Rationale), reviewer.Id, reviewer.Org);
    }
}
