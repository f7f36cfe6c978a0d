using System.Linq.Expressions;
using Marten;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Projections;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// Which entries of an assessment's audit trail a history read asks for: of one area, one factor or one cell (the
/// diff's field names), after a version and up to one. The same filter reads the history read model and, for a trail
/// the read model does not hold from its start, the folded entries, so both answer alike.
/// </summary>
public sealed record HistoryFilter(Guid? AreaId, Factor? Factor, string? Cell, long After, long? Until)
{
    public bool Matches(HistoryEntry entry) =>
        entry.Version > After
        && (Until is null || entry.Version <= Until)
        && (AreaId is null || entry.AreaId == AreaId)
        && (Factor is null || entry.Factor == Factor.Value.Key())
        && (Cell is null || HistoryCells.Of(entry) == HistoryCells.FiledUnder(Cell));

    /// <summary>The matching records, in version order.</summary>
    public IQueryable<HistoryRecord> Query(IQuerySession session, Guid assessmentId)
    {
        var query = session.Query<HistoryRecord>().Where(r => r.AssessmentId == assessmentId && r.Version > After);
        if (Until is { } until)
        {
            query = query.Where(r => r.Version <= until);
        }

        if (AreaId is { } areaId)
        {
            query = query.Where(r => r.AreaId == areaId);
        }

        if (Factor is { } factor)
        {
            var cells = HistoryCells.OfFactor(factor).ToArray();
            query = query.Where(r => cells.Contains(r.Cell));
        }

        if (Cell is { } cell)
        {
            var filed = HistoryCells.FiledUnder(cell);
            query = query.Where(r => r.Cell == filed);
        }

        return query.OrderBy(r => r.Version);
    }

    /// <summary>Whether the read model holds the assessment's trail from its first event: every later event of the
    /// stream is then recorded too, inline in its own commit. A store that had events before the read model existed
    /// holds them once the projection is rebuilt; until then the trail is folded.</summary>
    public static async Task<bool> RecordedAsync(IQuerySession session, Guid assessmentId, CancellationToken cancellation) =>
        await session.Query<HistoryRecord>().AnyAsync(FirstRecordOf(assessmentId), cancellation);

    /// <summary>The record of the assessment's first event, there when the trail is recorded from its start.</summary>
    public static Expression<Func<HistoryRecord, bool>> FirstRecordOf(Guid assessmentId) =>
        r => r.AssessmentId == assessmentId && r.Version == 1;
}
