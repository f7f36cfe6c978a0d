using System.Text.RegularExpressions;
using JasperFx.Events;
using ConcurrencyStyle = Wolverine.Marten.ConcurrencyStyle;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Problems;
using Wolverine.Http;
using Wolverine.Marten;

namespace ServiceSharing.Web.Features.Snapshots;

public sealed record TakeSnapshot(string? Label, long? ExpectedVersion);

public sealed record SnapshotView(string Label, long Version, DateTimeOffset At);

public sealed record SnapshotCreated(string Label, long Version, DateTimeOffset At, Guid AssessmentId)
    : CreationResponse($"/api/assessments/{AssessmentId}?snapshot={Uri.EscapeDataString(Label)}");

/// <summary>Names the board as it stands now ("phase-1", "workshop-2026-02-03") so replay and diff can refer to it.</summary>
public static partial class TakeSnapshotEndpoint
{
    public static ProblemDetails Validate(TakeSnapshot? command)
    {
        if (command is null)
        {
            return RequestErrors.MissingBody();
        }

        return new RequestErrors()
            .When(!IsValidLabel(command.Label), "label",
                "'label' is required: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit and not only digits (those are versions).")
            .ToProblem();
    }

    public static bool IsValidLabel(string? label) => label is not null && Label().IsMatch(label) && !label.All(char.IsAsciiDigit);

    public static ProblemDetails Before(TakeSnapshot command, Assessment assessment) =>
        AssessmentPreconditions.Check(assessment, command.ExpectedVersion).OrElse(() =>
            assessment.SnapshotLabels.Contains(command.Label!)
                ? Refusals.Conflict($"A snapshot named '{command.Label}' exists already; labels name one point for good.", assessment.Version)
                : WolverineContinue.NoProblems);

    [WolverinePost("/api/assessments/{id}/snapshots"), Authorize(Roles = "facilitator")]
    public static (SnapshotCreated, Events) Post(
        TakeSnapshot command,
        [WriteAggregate("id", LoadStyle = ConcurrencyStyle.Exclusive)] Assessment assessment,
        TimeProvider clock)
    {
        // The answer names the time the event is stored with, so it is fixed here rather than at commit.
        var taken = new SnapshotTaken(command.Label!).AsEvent().AtTimestamp(clock.GetUtcNow());
        return (new SnapshotCreated(command.Label!, assessment.Version + 1, taken.Timestamp, assessment.Id), [taken]);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Label();
}
