using Marten;
using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Projections;

namespace ServiceSharing.Web.Features.Replay;

/// <summary>How many history records a cell has between two versions, and the latest of them as stored.</summary>
public sealed record CellRecords(long Count, string[] Latest);

/// <summary>
/// The changes of many cells between two versions in one statement: for each cell, a count and its latest records,
/// each an index read (the cell index of HistoryRecordStorage). One statement rather than a batch of two LINQ queries
/// per cell, because PostgreSQL then plans once instead of once per cell, which cost more than reading the records.
/// </summary>
public static class ChangesPerCell
{
    public static async Task<IReadOnlyList<CellRecords>> ReadAsync(IQuerySession session, Guid assessmentId,
        IReadOnlyList<(Guid AreaId, string Cell)> cells, long after, long until, int latest, CancellationToken cancellation)
    {
        var table = session.DocumentStore.Options.Schema.For<HistoryRecord>();
        var sql = $"""
            select json_build_object(
              'Count', (select count(*) from {table} r
                        where r.assessment_id = c.assessment_id and r.area_id = c.area_id and r.cell = c.cell
                          and r.version > c.after and r.version <= c.until),
              'Latest', array(select r.data ->> 'Entry' from {table} r
                              where r.assessment_id = c.assessment_id and r.area_id = c.area_id and r.cell = c.cell
                                and r.version > c.after and r.version <= c.until
                              order by r.version desc limit c.latest))
            from (select ?::uuid as assessment_id, ?::bigint as after, ?::bigint as until, ?::int as latest) p,
                 lateral (select p.assessment_id, p.after, p.until, p.latest, cell.area_id, cell.cell, cell.position
                          from unnest(?::uuid[], ?::text[]) with ordinality as cell(area_id, cell, position)) c
            order by c.position
            """;
        var records = await session.AdvancedSql.QueryAsync<CellRecords>(sql, cancellation,
            assessmentId, after, until, latest, cells.Select(c => c.AreaId).ToArray(), cells.Select(c => c.Cell).ToArray());
        return records;
    }
}
