using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Board;

/// <summary>What every change of a board checks against the state it was loaded with (under the stream lock).</summary>
public static class AssessmentPreconditions
{
    public static ProblemDetails Check(Assessment assessment, long? expectedVersion, Guid? areaId = null)
    {
        if (expectedVersion is { } expected && expected != assessment.Version)
        {
            return Refusals.StaleVersion(expected, assessment.Version);
        }

        if (areaId is { } id && assessment.FindArea(id) is null)
        {
            return Refusals.NotFound($"The assessment has no area '{id}'.");
        }

        return WolverineContinue.NoProblems;
    }
}
