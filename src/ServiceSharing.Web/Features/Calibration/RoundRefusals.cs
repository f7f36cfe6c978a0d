using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Features.Calibration;

/// <summary>409s of calibration rounds: they name the round's state and version, not the assessment's.</summary>
public static class RoundRefusals
{
    public static ProblemDetails Conflict(string why, long roundVersion) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Not possible in the calibration round's current state.",
        Detail = why,
        Extensions = { ["currentVersion"] = roundVersion }
    };

    public static ProblemDetails StaleVersion(long expected, long current) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The calibration round has changed.",
        Detail = $"Expected round version {expected} but the round is at version {current}; reload and try again.",
        Extensions = { ["currentVersion"] = current }
    };
}
