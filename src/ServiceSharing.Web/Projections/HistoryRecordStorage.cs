using Marten.Schema;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// How <see cref="HistoryRecord"/> documents are stored for their reads: the fields they are filtered by as columns of
/// their own, under one index per read, each in version order so no read sorts.
/// Set on the document mapping itself because Marten's fluent <c>Duplicate</c> gives every column an index of its
/// own (and ignores a change of that index's columns).
/// </summary>
public static class HistoryRecordStorage
{
    public static void Configure(DocumentMapping mapping)
    {
        if (mapping.DocumentType != typeof(HistoryRecord))
        {
            return;
        }

        mapping.DuplicateField(nameof(HistoryRecord.AssessmentId));
        mapping.DuplicateField(nameof(HistoryRecord.Version));
        mapping.DuplicateField(nameof(HistoryRecord.AreaId));
        mapping.DuplicateField(nameof(HistoryRecord.Cell));
        mapping.DuplicateField(nameof(HistoryRecord.Snapshot));

        // The whole trail, and "since".
        mapping.AddIndex("assessment_id", "version");
        // One area's history (and a factor's). An index carrying the entry text too (INCLUDE) was tried: it tripled the
        // table's size and, read right after a bulk write (before autovacuum marks the pages visible), made a cell's
        // history 480 ms against 99 ms without it (docs/performance.md, change 10).
        mapping.AddIndex("assessment_id", "area_id", "version");
        // One cell's changes between two points (the diff's latest per cell, and how many).
        mapping.AddIndex("assessment_id", "area_id", "cell", "version");
        // A snapshot's label finds its version; only snapshots are in it.
        mapping.AddIndex("assessment_id", "snapshot").Predicate = "snapshot is not null";
    }
}
