using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Decisions;

namespace ServiceSharing.Web.Features.Board;

public sealed record FactorView(string Key, string Label, string? Description);

public sealed record GovernmentsView(string City, string County);

public sealed record ScaleStepView(int Score, string Label);

public sealed record CellView(double? City, double? County, int? Joint);

public sealed record AreaView(
    Guid Id,
    string Name,
    string? Verdict,
    string? NextSteps,
    bool Priority,
    string? PriorityFocus,
    IReadOnlyDictionary<string, CellView> Ratings,
    double? Score,
    string? SuggestedVerdict,
    string? SuggestionReason,
    WhatFlipsView WhatFlips);

/// <summary>The board as the API shows it: the study's "Initial Assessment" table at one version.</summary>
public sealed record BoardView(
    Guid Id,
    string Title,
    string Status,
    string? CurrentPhase,
    string? CurrentPhaseName,
    long Version,
    IReadOnlyList<FactorView> Factors,
    IReadOnlyList<ScaleStepView> Scale,
    IReadOnlyList<AreaView> Areas,
    DecisionModelView DecisionModel,
    GovernmentsView Governments)
{
    public static BoardView From(Assessment assessment)
    {
        var model = assessment.DecisionModelInForce();
        return new BoardView(
            assessment.Id,
            assessment.Title,
            StatusKey(assessment.Status),
            assessment.CurrentPhase?.Key,
            assessment.CurrentPhase?.Name,
            assessment.Version,
            assessment.Rubric.Factors.Select(f => new FactorView(f.Factor.Key(), f.Label, f.Description)).ToList(),
            assessment.Rubric.Scale.Select(s => new ScaleStepView(s.Score, s.Label)).ToList(),
            assessment.Areas.Select(area => ToView(area, assessment.Rubric, model)).ToList(),
            DecisionModelView.From(model),
            new GovernmentsView(assessment.Governments.City, assessment.Governments.County));
    }

    public static string StatusKey(AssessmentStatus status) => status switch
    {
        AssessmentStatus.OnHold => "on-hold",
        AssessmentStatus.Completed => "completed",
        _ => "active"
    };

    // The suggested verdict stands beside the recorded one: it suggests, the facilitator decides.
    private static AreaView ToView(FunctionalArea area, AssessmentRubric rubric, DecisionModel model)
    {
        var sensitivity = VerdictSensitivity.Of(model, AreaScoring.JointRatingsOf(area));
        return new AreaView(
            area.Id,
            area.Name,
            area.Verdict?.ToString(),
            area.NextSteps,
            area.Priority,
            area.PriorityFocus,
            rubric.Factors.ToDictionary(f => f.Factor.Key(), f => ToCell(area.PeekRatings(f.Factor))),
            sensitivity.Suggestion.Score,
            sensitivity.Suggestion.Verdict?.ToString(),
            sensitivity.Suggestion.Reason,
            WhatFlipsView.From(sensitivity));
    }

    private static CellView ToCell(FactorRatings? ratings) =>
        ratings is null ? new CellView(null, null, null) : new CellView(ratings.ValueOf(Org.City), ratings.ValueOf(Org.County), ratings.Joint);
}
