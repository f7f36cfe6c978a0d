using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Calibration;

public static class GetCalibrationsEndpoint
{
    /// <summary>The assessment's calibration rounds, oldest first.</summary>
    [WolverineGet("/api/assessments/{id}/calibrations", OperationId = "ListCalibrations")]
    [ProducesResponseType<IReadOnlyList<CalibrationSummaryView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> List(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Assessment>(id, cancellation) is null)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var rounds = await CalibrationQueries.ListAsync(session, id, cancellation);
        return Results.Ok(rounds.Select(CalibrationSummaryView.From).ToList());
    }

    /// <summary>One round as the caller may see it: blind before the reveal, the panel's medians after.</summary>
    [WolverineGet("/api/assessments/{id}/calibrations/{roundId}", OperationId = "GetCalibration")]
    [ProducesResponseType<CalibrationView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, Guid roundId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (await CalibrationQueries.FindAsync(session, id, roundId, cancellation) is not { } round)
        {
            return Results.Problem(Refusals.NotFound($"The assessment '{id}' has no calibration round '{roundId}'."));
        }

        var names = await CalibrationQueries.NamesAsync(session, round.Raters(), cancellation);
        return Results.Ok(CalibrationView.For(round, user.RequireActor(), names));
    }
}
