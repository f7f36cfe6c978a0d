using ServiceSharing.Domain.Assessments;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// An assessment exactly as it stood at one version of its stream, kept every few hundred versions by
/// <see cref="AssessmentCheckpointProjection"/>. Replay starts from the nearest checkpoint at or before the point and
/// folds the few events after it, so its cost does not grow with the length of the history.
/// </summary>
public sealed class AssessmentCheckpoint
{
    public string Id { get; set; } = "";
    public Guid AssessmentId { get; set; }
    public long Version { get; set; }

    /// <summary>The timestamp of the event at <see cref="Version"/>: where "asOf" replay may start.</summary>
    public DateTimeOffset At { get; set; }

    public Assessment State { get; set; } = new();

    public static string IdOf(Guid assessmentId, long version) => $"{assessmentId:N}:{version}";
}
