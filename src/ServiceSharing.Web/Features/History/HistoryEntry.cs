using JasperFx.Events;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Features.History;

public sealed record ActorView(Guid Id, string Name, string Org, string Role)
{
    /// <summary>Who appended the event, as its metadata says.</summary>
    public static ActorView? Of(IEvent e) =>
        e.ReadActor() is { } actor ? new ActorView(actor.Id, actor.Name, actor.Org.Key(), actor.Role.Key()) : null;
}

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
