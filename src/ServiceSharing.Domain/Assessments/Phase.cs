namespace ServiceSharing.Domain.Assessments;

public enum PhaseStatus
{
    Active,
    OnHold,
    Completed
}

public sealed class Phase
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public PhaseStatus Status { get; set; }
}

public sealed record NamedSnapshot(string Label, long Version, DateTimeOffset At);
