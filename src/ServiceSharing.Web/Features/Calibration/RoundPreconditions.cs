using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Calibration;

/// <summary>What every change of a calibration round checks against the round it was loaded with (under the stream lock).</summary>
public static class RoundPreconditions
{
    public static ProblemDetails Check(CalibrationRound round, Guid assessmentId, long? expectedVersion)
    {
        // A round addressed under another assessment does not exist there.
        if (round.AssessmentId != assessmentId)
        {
            return Refusals.NotFound($"The assessment has no calibration round '{round.Id}'.");
        }

        return expectedVersion is { } expected && expected != round.Version
            ? RoundRefusals.StaleVersion(expected, round.Version)
            : WolverineContinue.NoProblems;
    }
}
