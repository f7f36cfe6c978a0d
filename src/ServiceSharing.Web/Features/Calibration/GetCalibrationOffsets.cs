using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Calibration;

public static class GetCalibrationOffsetsEndpoint
{
    /// <summary>
    /// After the reveal: how far each reviewer sat from the panel median, overall, per factor and per cell.
    /// A reviewer gets only their own entry; the facilitator gets everyone's, to lead the discussion.
    /// </summary>
    [WolverineGet("/api/assessments/{id}/calibrations/{roundId}/offsets"), Authorize(Roles = "reviewer,facilitator")]
    [ProducesResponseType<IReadOnlyList<ReviewerOffsetView>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, Guid roundId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (await CalibrationQueries.FindAsync(session, id, roundId, cancellation) is not { } round)
        {
            return Results.Problem(Refusals.NotFound($"The assessment '{id}' has no calibration round '{roundId}'."));
        }

        if (!round.Revealed)
        {
            return Results.Problem(RoundRefusals.Conflict(CalibrationView.HiddenUntilReveal, round.Version));
        }

        var caller = user.RequireActor();
        var offsets = ReviewerOffsets.Of(round.Cells()).ToDictionary(o => o.ReviewerId);
        var reviewers = caller.IsFacilitator
            ? round.Scores.GroupBy(s => s.ReviewerId).Select(g => (Id: g.Key, g.First().Org)).ToList()
            : [(caller.Id, caller.Org)];
        var names = await CalibrationQueries.NamesAsync(session, reviewers.Select(r => r.Id), cancellation);
        var areaNames = round.Areas.ToDictionary(a => a.AreaId, a => a.Name);
        return Results.Ok(reviewers
            .Select(r => ReviewerOffsetView.From(r.Id, r.Org, offsets.GetValueOrDefault(r.Id), names.GetValueOrDefault(r.Id, ""), areaNames))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList());
    }
}
