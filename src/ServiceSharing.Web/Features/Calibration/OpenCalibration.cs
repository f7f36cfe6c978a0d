using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Calibration;

public sealed record OpenCalibration(IReadOnlyList<Guid>? AreaIds, string? Rationale);

public sealed record CalibrationRoundOpened(Guid RoundId, long Version, Guid AssessmentId)
    : CreationResponse($"/api/assessments/{AssessmentId}/calibrations/{RoundId}");

/// <summary>
/// A facilitator opens a practice round on one or two reference areas, with the rubric's anchor descriptions.
/// The round is a stream of its own; the assessment's stream is only locked, never appended to, so two facilitators
/// opening at once cannot both pass the "one open round at a time" check.
/// </summary>
public static class OpenCalibrationEndpoint
{
    public const int MaxReferenceAreas = 2;

    public static ProblemDetails Validate(OpenCalibration? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var areas = command.AreaIds ?? [];
        return new RequestErrors()
            .When(areas.Count is 0 or > MaxReferenceAreas, "areaIds", $"'areaIds' must list 1 or {MaxReferenceAreas} reference areas.")
            .When(areas.Contains(Guid.Empty), "areaIds", "'areaIds' must not contain an empty id.")
            .When(areas.Distinct().Count() != areas.Count, "areaIds", "'areaIds' names an area more than once.")
            .OptionalText("rationale", command.Rationale, RequestErrors.TextMax)
            .ToProblem();
    }

    public static async Task<ProblemDetails> Before(OpenCalibration command, Assessment assessment, IDocumentSession session, CancellationToken cancellation)
    {
        var unknown = command.AreaIds!.Where(areaId => assessment.FindArea(areaId) is null).ToList();
        if (unknown.Count > 0)
        {
            return Refusals.NotFound($"The assessment has no area '{string.Join("', '", unknown)}'.");
        }

        var rounds = await CalibrationQueries.ListAsync(session, assessment.Id, cancellation);
        return rounds.FirstOrDefault(r => !r.Revealed) is { } open
            ? RoundRefusals.Conflict($"Calibration round '{open.Id}' is still open; reveal it before opening another.", open.Version)
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/assessments/{id}/calibrations"), Authorize(Roles = "facilitator")]
    public static (CalibrationRoundOpened, IStartStream) Post(
        OpenCalibration command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
    {
        var opened = Decide(Guid.NewGuid(), command, assessment);
        return (new CalibrationRoundOpened(opened.RoundId, 1, assessment.Id), MartenOps.StartStream<CalibrationRound>(opened.RoundId, opened));
    }

    /// <summary>Pure: the round's first event, with the area names and anchors as they stand now.</summary>
    public static CalibrationOpened Decide(Guid roundId, OpenCalibration command, Assessment assessment) => new(
        roundId,
        assessment.Id,
        command.AreaIds!.Select(id => new ReferenceArea(id, assessment.FindArea(id)!.Name)).ToList(),
        ScaleAnchors.Default,
        Blank.ToNull(command.Rationale));
}
