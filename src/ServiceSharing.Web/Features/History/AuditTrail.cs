using JasperFx.Events;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Decisions;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// Turns a stream's events into audit entries. "Before" is whatever the state said just before the event,
/// so the trail is read by folding the same events replay folds; nothing else writes history.
/// </summary>
public static class AuditTrail
{
    /// <param name="before">The state just before the first of <paramref name="events"/>; empty when they start the stream.
    /// It is folded forward, so pass one nothing else holds.</param>
    public static IReadOnlyList<HistoryEntry> Build(IEnumerable<IEvent> events, Assessment? before = null)
    {
        var state = before ?? new Assessment();
        var entries = new List<HistoryEntry>();
        foreach (var e in events)
        {
            entries.Add(Describe(e, state));
            if (e.Data is IAssessmentEvent data)
            {
                state.Evolve(data);
            }

            state.Version = e.Version;
        }

        return entries;
    }

    private static HistoryEntry Describe(IEvent e, Assessment before)
    {
        var entry = new HistoryEntry(e.Version, e.Timestamp, ActorView.Of(e), e.Data.GetType().Name,
            null, null, null, null, "", null, null, null, e.CorrelationId);

        HistoryEntry OnArea(Guid areaId, string field, object? was, object? now, string? rationale, Factor? factor = null) =>
            entry with
            {
                AreaId = areaId,
                Area = before.FindAnyArea(areaId)?.Name,
                Factor = factor?.Key(),
                Field = field,
                Before = was,
                After = now,
                Rationale = rationale
            };

        return e.Data switch
        {
            AssessmentCreated c => entry with { Field = "title", After = c.Title },
            FunctionalAreaAdded a => entry with { AreaId = a.AreaId, Area = a.Name, Field = "area", After = a.Name },
            FunctionalAreaRenamed r => OnArea(r.AreaId, "name", before.FindArea(r.AreaId)?.Name, r.Name, r.Rationale),
            FunctionalAreasReordered o => entry with
            {
                Field = "order",
                Before = before.Areas.Select(a => a.Name).ToList(),
                After = o.AreaIds.Select(id => before.FindArea(id)?.Name).ToList()
            },
            FunctionalAreaRetired r => OnArea(r.AreaId, "retired", false, true, r.Rationale),
            FactorRated r => OnArea(r.AreaId, "rating",
                before.FindArea(r.AreaId)?.PeekRatings(r.Factor)?.ScoreOf(r.ReviewerId), r.Score, r.Rationale, r.Factor) with { Org = r.ReviewerOrg.Key() },
            RatingRetracted r => OnArea(r.AreaId, "rating",
                before.FindArea(r.AreaId)?.PeekRatings(r.Factor)?.ScoreOf(r.ReviewerId), r.RestoredScore, "Round undone", r.Factor) with { Org = r.ReviewerOrg.Key() },
            JointRatingRecorded j => OnArea(j.AreaId, "joint",
                before.FindArea(j.AreaId)?.PeekRatings(j.Factor)?.Joint, j.Score, j.Rationale, j.Factor),
            VerdictRecorded v => OnArea(v.AreaId, "verdict",
                VerdictWithSteps(before.FindArea(v.AreaId)), new VerdictWithNextSteps(v.Verdict.ToString(), v.NextSteps), v.Rationale),
            VerdictWithdrawn w => OnArea(w.AreaId, "verdict", VerdictWithSteps(before.FindArea(w.AreaId)), null, w.Rationale),
            AreaPrioritized p => OnArea(p.AreaId, "priority", before.FindArea(p.AreaId)?.Priority, true, p.Rationale),
            AreaDeprioritized d => OnArea(d.AreaId, "priority", before.FindArea(d.AreaId)?.Priority, false, d.Rationale),
            PhaseStarted s => entry with { Field = "phase", After = new PhaseChange(s.Phase, s.Name, "active"), Rationale = s.Rationale },
            PhasePaused p => PhaseEntry(entry, before, p.Phase, "on-hold", p.Rationale),
            PhaseResumed r => PhaseEntry(entry, before, r.Phase, "active", r.Rationale),
            PhaseCompleted c => PhaseEntry(entry, before, c.Phase, "completed", c.Rationale),
            SnapshotTaken s => entry with { Field = "snapshot", After = s.Label },
            DecisionModelSet m => entry with
            {
                Field = "decisionModel",
                Before = DecisionModelView.From(before.DecisionModelInForce()),
                After = DecisionModelView.From(new Domain.Decisions.DecisionModel(m.Weights, m.YesAtLeast, m.MaybeAtLeast)),
                Rationale = m.Rationale
            },
            _ => entry with { Field = "other" }
        };
    }

    private static VerdictWithNextSteps? VerdictWithSteps(FunctionalArea? area) =>
        area?.Verdict is { } verdict ? new VerdictWithNextSteps(verdict.ToString(), area.NextSteps) : null;

    private static HistoryEntry PhaseEntry(HistoryEntry entry, Assessment before, string phase, string status, string? rationale)
    {
        var current = before.FindPhase(phase);
        return entry with
        {
            Field = "phase",
            Before = current is null ? null : new PhaseChange(phase, current.Name, PhaseStatusKey(current.Status)),
            After = new PhaseChange(phase, current?.Name ?? phase, status),
            Rationale = rationale
        };
    }

    public static string PhaseStatusKey(PhaseStatus status) => status switch
    {
        PhaseStatus.OnHold => "on-hold",
        PhaseStatus.Completed => "completed",
        _ => "active"
    };
}

public sealed record VerdictWithNextSteps(string Verdict, string? NextSteps);

public sealed record PhaseChange(string Phase, string Name, string Status);
