using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Calibration;

public sealed record DriftView(
    double? Live, string? LiveReason, int LiveCells,
    double? Calibration, string? CalibrationReason, int CalibrationCells,
    double? Drift, string? DriftReason)
{
    public static DriftView From(DriftResult result) => new(
        result.Live.Offset.Value, result.Live.Offset.Reason, result.Live.Cells,
        result.Calibration?.Offset.Value, result.Calibration is null ? CalibrationReasons.NotCalibrated : result.Calibration.Offset.Reason,
        result.Calibration?.Cells ?? 0,
        result.Drift.Value, result.Drift.Reason);
}

public sealed record ReviewerDriftView(Guid ReviewerId, string Name, string Org, Guid? CalibrationRoundId, DriftView Overall, IReadOnlyDictionary<string, DriftView> ByFactor);

public sealed record DriftReportView(Guid AssessmentId, long Version, string Definition, IReadOnlyList<ReviewerDriftView> Reviewers);

public static class GetDriftEndpoint
{
    /// <summary>
    /// Each reviewer's drift in live scoring from where they sat in calibration (see ReviewerDrift.Definition), on
    /// the current board. A reviewer gets only their own; the facilitator gets everyone who rated live or in a
    /// revealed round.
    /// </summary>
    [WolverineGet("/api/assessments/{id}/calibrations/drift"), Authorize(Roles = "reviewer,facilitator")]
    [ProducesResponseType<DriftReportView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Assessment>(id, cancellation) is not { } assessment)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var caller = user.RequireActor();
        var rounds = await CalibrationQueries.ListAsync(session, id, cancellation);
        var live = PanelCell.OfLiveScoring(assessment);
        var everyone = live.SelectMany(c => c.Scores).Select(s => (Id: s.ReviewerId, s.Org))
            .Concat(rounds.Where(r => r.Revealed).SelectMany(r => r.Scores).Select(s => (Id: s.ReviewerId, s.Org)))
            .DistinctBy(r => r.Id)
            .ToList();
        var reviewers = caller.IsFacilitator ? everyone : [(caller.Id, caller.Org)];
        var names = await CalibrationQueries.NamesAsync(session, reviewers.Select(r => r.Id), cancellation);

        var views = reviewers.Select(r =>
            {
                var report = ReviewerDrift.For(r.Id, live, rounds);
                return new ReviewerDriftView(r.Id, names.GetValueOrDefault(r.Id, ""), r.Org.Key(), report.CalibrationRoundId,
                    DriftView.From(report.Overall), report.ByFactor.ToDictionary(p => p.Key.Key(), p => DriftView.From(p.Value)));
            })
            .OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return Results.Ok(new DriftReportView(assessment.Id, assessment.Version, ReviewerDrift.Definition, views));
    }
}
