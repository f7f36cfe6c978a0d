using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record GovernmentNamesInput(string? City, string? County);

public sealed record FactorInput(string? Key, string? Label, string? Description);

public sealed record ScaleStepInput(int? Score, string? Label);

/// <summary>
/// A new assessment. Start is "blank" (the default) or "partnering-up" (the study's ten areas); Areas adds named
/// areas to a blank start. Governments, Factors and Scale reword what the start gives; what they leave out keeps it.
/// </summary>
public sealed record CreateAssessment(
    string? Title,
    IReadOnlyList<string?>? Areas,
    string? Start = null,
    GovernmentNamesInput? Governments = null,
    IReadOnlyList<FactorInput?>? Factors = null,
    IReadOnlyList<ScaleStepInput?>? Scale = null);

public sealed record AssessmentStarted(Guid Id, long Version) : CreationResponse($"/api/assessments/{Id}");

public static class CreateAssessmentEndpoint
{
    public const int MaxAreas = 100;

    public static ProblemDetails Validate(CreateAssessment? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        var errors = new RequestErrors().RequiredText("title", command.Title, RequestErrors.TitleMax);
        var start = AssessmentStarts.Find(command.Start);
        errors.When(start is null, "start", $"'start' must be one of {string.Join(", ", AssessmentStarts.All.Select(s => s.Key))}.");
        var areas = command.Areas ?? [];
        errors.When(areas.Count > 0 && start is { Areas.Count: > 0 }, "areas", "'areas' are for a blank start; the study's start brings its own areas.");
        errors.When(areas.Count > MaxAreas, "areas", $"'areas' may list at most {MaxAreas} names.");
        for (var i = 0; i < areas.Count; i++)
        {
            errors.RequiredText($"areas[{i}]", areas[i], RequestErrors.NameMax);
        }

        var duplicate = areas.Where(a => !string.IsNullOrWhiteSpace(a))
            .GroupBy(a => a!.Trim(), StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        errors.When(duplicate is not null, "areas", $"'areas' names '{duplicate?.Key}' more than once.");
        errors.OptionalText("governments.city", command.Governments?.City, RequestErrors.NameMax)
            .OptionalText("governments.county", command.Governments?.County, RequestErrors.NameMax);
        CheckFactors(errors, command.Factors ?? []);
        CheckScale(errors, command.Scale ?? []);
        return errors.ToProblem();
    }

    private static void CheckFactors(RequestErrors errors, IReadOnlyList<FactorInput?> factors)
    {
        var seen = new HashSet<Factor>();
        for (var i = 0; i < factors.Count; i++)
        {
            var factor = factors[i];
            var known = FactorKeys.TryParse(factor?.Key, out var key);
            errors.When(!known, $"factors[{i}].key", $"'factors[{i}].key' must be one of {FactorKeys.AllKeys}.")
                .When(known && !seen.Add(key), $"factors[{i}].key", $"'factors[{i}].key' names '{factor?.Key}' more than once.")
                .RequiredText($"factors[{i}].label", factor?.Label, RequestErrors.TitleMax)
                .OptionalText($"factors[{i}].description", factor?.Description, RequestErrors.TextMax);
        }
    }

    private static void CheckScale(RequestErrors errors, IReadOnlyList<ScaleStepInput?> scale)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < scale.Count; i++)
        {
            var step = scale[i];
            var onScale = step?.Score is { } score && AssessmentRubric.IsOnScale(score);
            errors.When(!onScale, $"scale[{i}].score",
                    $"'scale[{i}].score' must be a whole number from {AssessmentRubric.MinScore} to {AssessmentRubric.MaxScore}.")
                .When(onScale && !seen.Add(step!.Score!.Value), $"scale[{i}].score", $"'scale[{i}].score' names step {step?.Score} more than once.")
                .RequiredText($"scale[{i}].label", step?.Label, RequestErrors.NameMax);
        }
    }

    [WolverinePost("/api/assessments"), Authorize(Roles = "facilitator")]
    public static (AssessmentStarted, IStartStream) Post(CreateAssessment command)
    {
        var events = Decide(Guid.NewGuid(), command);
        var started = MartenOps.StartStream<Assessment>(((AssessmentCreated)events[0]).AssessmentId, [.. events]);
        return (new AssessmentStarted(started.StreamId, events.Count), started);
    }

    /// <summary>Pure: a new assessment is its creation, with its rubric and governments' names, followed by one event
    /// per area of its start or named in the request.</summary>
    public static IReadOnlyList<object> Decide(Guid assessmentId, CreateAssessment command)
    {
        var start = AssessmentStarts.Find(command.Start)!;
        IEnumerable<string> areas = start.Areas.Count > 0 ? start.Areas : (command.Areas ?? []).Select(name => name!.Trim());
        return
        [
            new AssessmentCreated(assessmentId, command.Title!.Trim(), RubricOf(command), GovernmentsOf(command.Governments)),
            .. areas.Select(name => new FunctionalAreaAdded(Guid.NewGuid(), name))
        ];
    }

    private static AssessmentRubric RubricOf(CreateAssessment command)
    {
        var rubric = AssessmentRubric.Default;
        var factors = (command.Factors ?? []).Where(f => f is not null).ToDictionary(f => Parse(f!.Key), f => f!);
        var steps = (command.Scale ?? []).Where(s => s is not null).ToDictionary(s => s!.Score!.Value, s => s!.Label!.Trim());
        return new AssessmentRubric(
            [.. rubric.Factors.Select(f => factors.TryGetValue(f.Factor, out var given)
                ? new FactorDefinition(f.Factor, given.Label!.Trim(), Board.Blank.ToNull(given.Description))
                : f)],
            [.. rubric.Scale.Select(s => steps.TryGetValue(s.Score, out var label) ? new ScaleStep(s.Score, label) : s)]);
    }

    private static Factor Parse(string? key)
    {
        FactorKeys.TryParse(key, out var factor);
        return factor;
    }

    /// <summary>Null when both are the defaults, so the event says only what was chosen.</summary>
    private static GovernmentNames? GovernmentsOf(GovernmentNamesInput? input)
    {
        var names = new GovernmentNames(
            Board.Blank.ToNull(input?.City) ?? GovernmentNames.Default.City,
            Board.Blank.ToNull(input?.County) ?? GovernmentNames.Default.County);
        return names == GovernmentNames.Default ? null : names;
    }
}
