namespace ServiceSharing.Web.Projections;

/// <summary>
/// One line of an assessment's audit trail, kept by <see cref="HistoryRecordProjection"/> as the API renders it, and
/// filed by assessment, area, cell and version so that the history of one cell or one area, and the changes of a cell
/// between two points, are read without folding the stream. Only the assessment's own events are recorded: a blind
/// round's scores live in the session's stream until the reveal puts them here as ratings.
/// </summary>
public sealed class HistoryRecord
{
    public string Id { get; set; } = "";
    public Guid AssessmentId { get; set; }
    public long Version { get; set; }
    public Guid? AreaId { get; set; }

    /// <summary>The board cell the entry changes (<see cref="Features.History.HistoryCells"/>), or null.</summary>
    public string? Cell { get; set; }

    /// <summary>The label of the snapshot the event took, or null: a label resolves to its version by an index read.</summary>
    public string? Snapshot { get; set; }

    /// <summary>The <see cref="Features.History.HistoryEntry"/> in the API's JSON, kept as text (jsonb would reorder its
    /// keys), so a read writes it out exactly as a folded entry is written.</summary>
    public string Entry { get; set; } = "";

    public static string IdOf(Guid assessmentId, long version) => $"{assessmentId:N}:{version}";
}
