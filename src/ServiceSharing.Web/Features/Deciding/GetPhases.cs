using Microsoft.AspNetCore.Mvc;
using JasperFx.Events;
using Marten;
using Marten.Events;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Snapshots;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Deciding;

/// <summary>One change of a phase's status, dated by its event.</summary>
public sealed record PhaseStep(string Status, DateTimeOffset At, long Version, string? Rationale);

/// <summary>A phase as its events tell it: when it started and ended, its status now, and the snapshot named after it.</summary>
public sealed record PhaseView(string Phase, string Name, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<PhaseStep> Steps, SnapshotView? Snapshot);

public static class GetPhasesEndpoint
{
    private static readonly Type[] PhaseEvents =
        [typeof(PhaseStarted), typeof(PhasePaused), typeof(PhaseResumed), typeof(PhaseCompleted)];

    [ProducesResponseType<IReadOnlyList<PhaseView>>(StatusCodes.Status200OK)]
    [WolverineGet("/api/assessments/{id}/phases")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.Events.FetchStreamStateAsync(id, cancellation) is null)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == id && e.EventTypesAre(PhaseEvents))
            .OrderBy(e => e.Version)
            .ToListAsync(cancellation);
        var snapshots = await SnapshotQueries.ListAsync(session, id, cancellation);
        return Results.Ok(Tell(events, snapshots));
    }

    /// <summary>Pure: the phases in the order they started. A phase ends when it is put on hold or completed, or when
    /// the next one starts (which completes it).</summary>
    public static IReadOnlyList<PhaseView> Tell(IReadOnlyList<IEvent> events, IReadOnlyList<SnapshotView> snapshots)
    {
        var phases = new List<(string Key, string Name, List<PhaseStep> Steps)>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case PhaseStarted started:
                    foreach (var open in phases.Where(p => p.Steps[^1].Status != "completed"))
                    {
                        open.Steps.Add(new PhaseStep("completed", e.Timestamp, e.Version, null));
                    }

                    phases.Add((started.Phase, started.Name, [new PhaseStep("active", e.Timestamp, e.Version, started.Rationale)]));
                    break;
                case PhasePaused paused:
                    StepOf(phases, paused.Phase)?.Add(new PhaseStep("on-hold", e.Timestamp, e.Version, paused.Rationale));
                    break;
                case PhaseResumed resumed:
                    StepOf(phases, resumed.Phase)?.Add(new PhaseStep("active", e.Timestamp, e.Version, resumed.Rationale));
                    break;
                case PhaseCompleted completed:
                    StepOf(phases, completed.Phase)?.Add(new PhaseStep("completed", e.Timestamp, e.Version, completed.Rationale));
                    break;
            }
        }

        return phases.Select(p => new PhaseView(p.Key, p.Name, p.Steps[^1].Status, p.Steps[0].At,
            p.Steps[^1].Status == "active" ? null : p.Steps[^1].At,
            p.Steps, snapshots.LastOrDefault(s => s.Label == p.Key))).ToList();
    }

    private static List<PhaseStep>? StepOf(List<(string Key, string Name, List<PhaseStep> Steps)> phases, string key) =>
        phases.LastOrDefault(p => p.Key == key).Steps;
}
