using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Decisions;

public sealed record FactorSensitivityView(
    double Weight,
    int? Joint,
    WeightFlipView? WeightUp,
    WeightFlipView? WeightDown,
    string? WeightReason,
    RatingFlipView? RatingUp,
    RatingFlipView? RatingDown,
    string? RatingReason)
{
    public static FactorSensitivityView From(FactorSensitivity factor) => new(
        factor.Weight,
        factor.Joint,
        WeightFlipView.Of(factor.WeightUp),
        WeightFlipView.Of(factor.WeightDown),
        factor.WeightReason,
        RatingFlipView.Of(factor.RatingUp),
        RatingFlipView.Of(factor.RatingDown),
        factor.RatingReason);
}

public sealed record AreaSensitivityView(
    Guid AreaId,
    string Name,
    string? RecordedVerdict,
    double? Score,
    string? SuggestedVerdict,
    string? SuggestionReason,
    WhatFlipsView WhatFlips,
    IReadOnlyDictionary<string, FactorSensitivityView> ByFactor);

/// <summary>For every area: its suggestion under the model in force and what single change would flip it.</summary>
public sealed record SensitivityView(Guid AssessmentId, long Version, DecisionModelView DecisionModel, IReadOnlyList<AreaSensitivityView> Areas)
{
    public static SensitivityView From(Assessment assessment) => From(assessment, assessment.DecisionModelInForce());

    /// <summary>As the board would read under <paramref name="model"/>: the model in force, or one being tried out.</summary>
    public static SensitivityView From(Assessment assessment, DecisionModel model)
    {
        return new SensitivityView(
            assessment.Id,
            assessment.Version,
            DecisionModelView.From(model),
            assessment.Areas.Select(area =>
            {
                var sensitivity = VerdictSensitivity.Of(model, AreaScoring.JointRatingsOf(area));
                return new AreaSensitivityView(
                    area.Id,
                    area.Name,
                    area.Verdict?.ToString(),
                    sensitivity.Suggestion.Score,
                    sensitivity.Suggestion.Verdict?.ToString(),
                    sensitivity.Suggestion.Reason,
                    WhatFlipsView.From(sensitivity),
                    sensitivity.ByFactor.ToDictionary(f => f.Factor.Key(), FactorSensitivityView.From));
            }).ToList());
    }
}
