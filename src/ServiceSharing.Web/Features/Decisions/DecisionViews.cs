using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Decisions;

public sealed record ThresholdsView(double Yes, double Maybe);

/// <summary>The model in force; isDefault says nobody has set one yet.</summary>
public sealed record DecisionModelView(IReadOnlyDictionary<string, double> Weights, ThresholdsView Thresholds, bool IsDefault)
{
    public static DecisionModelView From(DecisionModel model) => new(
        Enum.GetValues<Factor>().ToDictionary(f => f.Key(), model.WeightOf),
        new ThresholdsView(model.YesAtLeast, model.MaybeAtLeast),
        ReferenceEquals(model, DecisionModel.Default));
}

/// <summary>A weight that changes the suggestion: at "to" itself when flipsAtTo, else anywhere beyond it.</summary>
public sealed record WeightFlipView(string Factor, double From, double To, double Change, bool FlipsAtTo, string NewVerdict, string Reading)
{
    public static WeightFlipView? Of(WeightFlip? flip) => flip is null
        ? null
        : new WeightFlipView(flip.Factor.Key(), flip.From, flip.To, flip.Change, flip.FlipsAtTo, flip.NewVerdict.ToString(), flip.Describe());
}

public sealed record RatingFlipView(string Factor, int From, int To, int Change, string NewVerdict, string Reading)
{
    public static RatingFlipView? Of(RatingFlip? flip) => flip is null
        ? null
        : new RatingFlipView(flip.Factor.Key(), flip.From, flip.To, flip.Change, flip.NewVerdict.ToString(), flip.Describe());
}

/// <summary>The smallest single change of a weight, and of a joint rating, that changes an area's suggested verdict.</summary>
public sealed record WhatFlipsView(WeightFlipView? Weight, string? WeightReason, RatingFlipView? Rating, string? RatingReason)
{
    public static WhatFlipsView From(AreaSensitivity sensitivity) => new(
        WeightFlipView.Of(sensitivity.SmallestWeightChange),
        sensitivity.WeightReason,
        RatingFlipView.Of(sensitivity.SmallestRatingChange),
        sensitivity.RatingReason);
}
