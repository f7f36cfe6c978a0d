using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Decisions;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Decisions;

public sealed record ThresholdsInput(double? Yes, double? Maybe);

/// <summary>Weights by factor key; every factor must be named (0 leaves it out) so a model never depends on what was forgotten.</summary>
public sealed record SetDecisionModel(Dictionary<string, double?>? Weights, ThresholdsInput? Thresholds, string? Rationale, long? ExpectedVersion);

/// <summary>A facilitator sets how joint ratings suggest a verdict; the board's suggestions follow from the next read.</summary>
public static class SetDecisionModelEndpoint
{
    public static ProblemDetails Validate(SetDecisionModel? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var errors = new RequestErrors();
        CheckWeights(command.Weights, errors);
        CheckThresholds(command.Thresholds, errors);
        return errors.OptionalText("rationale", command.Rationale, RequestErrors.TextMax).ToProblem();
    }

    private static void CheckWeights(Dictionary<string, double?>? weights, RequestErrors errors)
    {
        if (weights is null)
        {
            errors.Add("weights", $"'weights' is required: a number for each of {FactorKeys.AllKeys}.");
            return;
        }

        foreach (var key in weights.Keys.Where(k => !FactorKeys.TryParse(k, out _)))
        {
            errors.Add($"weights.{key}", $"'{key}' is not a factor; use {FactorKeys.AllKeys}.");
        }

        foreach (var factor in Enum.GetValues<Factor>())
        {
            var given = weights.Where(p => FactorKeys.TryParse(p.Key, out var f) && f == factor).ToList();
            var field = $"weights.{factor.Key()}";
            if (given.Count > 1)
            {
                errors.Add(field, $"'{field}' is given more than once.");
            }
            else if (given.Count == 0 || given[0].Value is not { } weight)
            {
                errors.Add(field, $"'{field}' is required (0 leaves the factor out of the score).");
            }
            else if (!(weight is >= 0 and <= DecisionModel.MaxWeight))
            {
                errors.Add(field, $"'{field}' must be a number from 0 to {DecisionModel.MaxWeight}.");
            }
        }

        errors.When(weights.Values.All(w => w is null or 0), "weights", "At least one factor must weigh more than 0.");
    }

    private static void CheckThresholds(ThresholdsInput? thresholds, RequestErrors errors)
    {
        if (thresholds is null)
        {
            errors.Add("thresholds", "'thresholds' is required: {\"yes\": score, \"maybe\": score}.");
            return;
        }

        var scale = $"a score from {AssessmentRubric.MinScore} to {AssessmentRubric.MaxScore}";
        errors.When(thresholds.Yes is not { } yes || !(yes is >= AssessmentRubric.MinScore and <= AssessmentRubric.MaxScore),
            "thresholds.yes", $"'thresholds.yes' is required: {scale}.");
        errors.When(thresholds.Maybe is not { } maybe || !(maybe is >= AssessmentRubric.MinScore and <= AssessmentRubric.MaxScore),
            "thresholds.maybe", $"'thresholds.maybe' is required: {scale}.");
        errors.When(thresholds.Yes < thresholds.Maybe,
            "thresholds.yes", "'thresholds.yes' must be at least 'thresholds.maybe': a Yes needs at least the score of a Maybe.");
    }

    public static ProblemDetails Before(SetDecisionModel command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion);

    [WolverinePost("/api/assessments/{id}/decision-model"), Authorize(Roles = "facilitator")]
    public static (WriteAccepted, Events) Post(
        SetDecisionModel command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment)
        => (new WriteAccepted(assessment.Version + 1), [Decide(command)]);

    /// <summary>Pure: the event a validated command stands for.</summary>
    public static DecisionModelSet Decide(SetDecisionModel command) => new(
        command.Weights!.ToDictionary(p => ParseFactor(p.Key), p => p.Value!.Value),
        command.Thresholds!.Yes!.Value,
        command.Thresholds.Maybe!.Value,
        Blank.ToNull(command.Rationale));

    private static Factor ParseFactor(string key)
    {
        FactorKeys.TryParse(key, out var factor);
        return factor;
    }
}
