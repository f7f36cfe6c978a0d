using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Snapshots;
using ServiceSharing.Web.Problems;

namespace ServiceSharing.Web.Features.Replay;

/// <summary>
/// A point of an assessment's history: its latest version, a version, a moment, or a named snapshot.
/// Resolving it yields the state exactly as it stood there: the nearest checkpoint before it and the events after
/// that (CheckpointedReplay), the same as folding every event up to the point.
/// </summary>
public sealed record PointInTime(long? Version, DateTimeOffset? AsOf, string? Snapshot)
{
    public bool IsLatest => Version is null && AsOf is null && Snapshot is null;

    public ProblemDetails? Validate()
    {
        var given = new[] { Version is not null, AsOf is not null, Snapshot is not null }.Count(x => x);
        var errors = new RequestErrors()
            .When(given > 1, "version", "Give at most one of 'version', 'asOf' and 'snapshot'.")
            .When(Version is < 1, "version", "'version' must be 1 or more.")
            .When(Snapshot is { Length: 0 }, "snapshot", "'snapshot' must name a snapshot.");
        var problem = errors.ToProblem();
        return problem.Status is null ? null : problem;
    }

    /// <summary>The state at this point, or a ProblemDetails saying why there is none.</summary>
    public async Task<(Assessment? State, ProblemDetails? Problem)> ResolveAsync(IQuerySession session, Guid assessmentId, CancellationToken cancellation)
    {
        if (Validate() is { } invalid)
        {
            return (null, invalid);
        }

        var current = await session.LoadAsync<Assessment>(assessmentId, cancellation);
        if (current is null)
        {
            return (null, Refusals.NotFound($"No assessment '{assessmentId}'."));
        }

        if (IsLatest)
        {
            return (current, null);
        }

        long? version = Version;
        if (Snapshot is not null)
        {
            var snapshot = await SnapshotQueries.FindAsync(session, assessmentId, Snapshot, cancellation);
            if (snapshot is null)
            {
                return (null, Refusals.NotFound($"The assessment has no snapshot '{Snapshot}'."));
            }

            version = snapshot.Version;
        }

        if (version > current.Version)
        {
            return (null, new RequestErrors().Add("version", $"The assessment is only at version {current.Version}.").ToProblem());
        }

        var state = AsOf is { } moment
            ? await CheckpointedReplay.StateAsOfAsync(session, assessmentId, moment, cancellation)
            : await CheckpointedReplay.StateAtAsync(session, assessmentId, version!.Value, cancellation);
        return state is null
            ? (null, Refusals.NotFound($"The assessment did not exist yet at {AsOf:O}."))
            : (state, null);
    }

    /// <summary>The answer of a read at this point: the ProblemDetails saying why there is no state, or what
    /// <paramref name="answer"/> makes of the state. Every point-in-time endpoint answers through this.</summary>
    public async Task<IResult> AnswerAsync(IQuerySession session, Guid assessmentId, Func<Assessment, Task<IResult>> answer, CancellationToken cancellation)
    {
        var (state, problem) = await ResolveAsync(session, assessmentId, cancellation);
        return problem is not null ? Results.Problem(problem) : await answer(state!);
    }

    public Task<IResult> AnswerAsync(IQuerySession session, Guid assessmentId, Func<Assessment, IResult> answer, CancellationToken cancellation) =>
        AnswerAsync(session, assessmentId, state => Task.FromResult(answer(state)), cancellation);

    /// <summary>Reads "from"/"to" of a diff: a number is a version, anything else a snapshot label.</summary>
    public static PointInTime Parse(string text) =>
        long.TryParse(text, out var version) ? new PointInTime(version, null, null) : new PointInTime(null, null, text);
}
