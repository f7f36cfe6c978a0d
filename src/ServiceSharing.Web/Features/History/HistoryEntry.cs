namespace ServiceSharing.Web.Features.History;

public sealed record ActorView(Guid Id, string Name, string Org, string Role);

/// <summary>One line of the audit trail: which event, by whom, what it changed from and to, and why.
/// Org is whose score a rating is (the reviewer's org), which a proxy entry can make differ from the actor's.</summary>
public sealed record HistoryEntry(
    long Version,
    DateTimeOffset At,
    ActorView? Actor,
    string Type,
    Guid? AreaId,
    string? Area,
    string? Factor,
    string? Org,
    string Field,
    object? Before,
    object? After,
    string? Rationale,
    string? CorrelationId);
