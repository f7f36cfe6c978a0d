using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Problems;

/// <summary>The ProblemDetails of the refusals every feature shares: not found, forbidden, conflict.</summary>
public static class Refusals
{
    public static ProblemDetails NotFound(string what) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = what
    };

    public static ProblemDetails Forbidden(string why) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Not allowed.",
        Detail = why
    };

    public static ProblemDetails Conflict(string why, long currentVersion) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The assessment has changed.",
        Detail = why,
        Extensions = { ["currentVersion"] = currentVersion }
    };

    public static ProblemDetails StaleVersion(long expected, long current) =>
        Conflict($"Expected version {expected} but the assessment is at version {current}; reload and try again.", current);
}
