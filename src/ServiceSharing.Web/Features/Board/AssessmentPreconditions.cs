using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Board;

/// <summary>What every change of a board checks against the state it was loaded with (under the stream lock).</summary>
public static class AssessmentPreconditions
{
    public static ProblemDetails Check(Assessment assessment, long? expectedVersion, Guid? areaId = null) =>
        Check(assessment, assessment.Version, expectedVersion, areaId);

    /// <summary>As above, with the version the stream has reached in this transaction (grouped ratings).</summary>
    public static ProblemDetails Check(Assessment assessment, long currentVersion, long? expectedVersion, Guid? areaId)
    {
        if (expectedVersion is { } expected && expected != currentVersion)
        {
            return Refusals.StaleVersion(expected, currentVersion);
        }

        if (areaId is { } id && assessment.FindArea(id) is null)
        {
            return Refusals.NotFound($"The assessment has no area '{id}'.");
        }

        return WolverineContinue.NoProblems;
    }
}
