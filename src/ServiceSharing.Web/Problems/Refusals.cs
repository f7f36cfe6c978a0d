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

    /// <summary>A request the assessment's current state does not allow (a closed session, a taken label).</summary>
    public static ProblemDetails Conflict(string why, long currentVersion) =>
        Conflicting("Not possible in the assessment's current state.", why, currentVersion);

    /// <summary>A request made against a version that is no longer the latest.</summary>
    public static ProblemDetails StaleVersion(long expected, long current) =>
        Conflicting("The assessment has changed.",
            $"Expected version {expected} but the assessment is at version {current}; reload and try again.", current);

    private static ProblemDetails Conflicting(string title, string why, long currentVersion) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = title,
        Detail = why,
        Extensions = { ["currentVersion"] = currentVersion }
    };
}
