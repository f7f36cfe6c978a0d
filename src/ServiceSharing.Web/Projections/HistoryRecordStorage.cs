using Marten.Schema;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// How <see cref="HistoryRecord"/> documents are stored for their reads: the fields they are filtered by, and the
/// entry itself, as columns of their own, under one index per read, each in version order so no read sorts.
/// Set on the document mapping itself because Marten's fluent <c>Duplicate</c> gives every column an index of its
/// own (and ignores a change of that index's columns), and has no way to name columns an index only carries.
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
        // The entry as text beside the document, so the area index can carry it.
        mapping.DuplicateField(nameof(HistoryRecord.Entry), pgType: "text");

        // The whole trail, and "since".
        mapping.AddIndex("assessment_id", "version");
        // One area's history: the index carries each entry and its cell, so an area's (or, filtered by cell, a cell's
        // or a factor's) entries are read from the index alone, in order, without visiting the scattered rows.
        mapping.AddIndex("assessment_id", "area_id", "version").IncludeColumns = ["cell", "entry"];
        // One cell's changes between two points (the diff's latest per cell, and how many).
        mapping.AddIndex("assessment_id", "area_id", "cell", "version");
        // A snapshot's label finds its version; only snapshots are in it.
        mapping.AddIndex("assessment_id", "snapshot").Predicate = "snapshot is not null";
    }
}
