namespace ServiceSharing.Domain.Assessments;

/// <summary>
/// A deep copy of the state, free to fold forward without touching the original: what the audit trail and the replay
/// checkpoints fold from while the original is the board a commit still holds. Only what Apply mutates in place is
/// copied (areas, their ratings, phases, labels); records that Apply only ever replaces whole are shared.
/// </summary>
public sealed partial class Assessment
{
    public Assessment Copy() => new()
    {
        Id = Id,
        Version = Version,
        Title = Title,
        Rubric = Rubric,
        Governments = Governments,
        Areas = [.. Areas.Select(a => a.Copy())],
        RetiredAreas = [.. RetiredAreas.Select(a => a.Copy())],
        Phases = [.. Phases.Select(p => new Phase { Key = p.Key, Name = p.Name, Status = p.Status })],
        SnapshotLabels = [.. SnapshotLabels],
        DecisionModel = DecisionModel
    };
}
