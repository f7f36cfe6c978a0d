using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Calibration;

public sealed record RevealCalibration(string? Rationale, long? ExpectedVersion);

/// <summary>The facilitator shows the panel's scores; from then on every reviewer can see how far they sat from the median.</summary>
public static class RevealCalibrationEndpoint
{
    public static ProblemDetails Validate(RevealCalibration? command) =>
        new RequestErrors().OptionalText("rationale", command?.Rationale, RequestErrors.TextMax).ToProblem();

    public static ProblemDetails Before(RevealCalibration? command, Guid id, CalibrationRound round)
    {
        var problem = RoundPreconditions.Check(round, id, command?.ExpectedVersion);
        if (problem != WolverineContinue.NoProblems)
        {
            return problem;
        }

        if (round.Revealed)
        {
            return RoundRefusals.Conflict("The round has been revealed already.", round.Version);
        }

        return round.Scores.Count == 0
            ? RoundRefusals.Conflict("Nobody has rated in this round yet; there is nothing to reveal.", round.Version)
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/assessments/{id}/calibrations/{roundId}/reveal"), Authorize(Roles = "facilitator")]
    public static (RoundWriteAccepted, Events) Post(
        RevealCalibration? command,
        [WriteAggregate("roundId", LoadStyle = ConcurrencyStyle.Exclusive)] CalibrationRound round)
        => (new RoundWriteAccepted(round.Id, round.Version + 1), [new CalibrationRevealed(Blank.ToNull(command?.Rationale))]);
}
