using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Participants;

/// <summary>Someone invited to take part in the assessments: one stream per participant.</summary>
public sealed record ParticipantInvited(Guid ParticipantId, string Name, Org Org, Role Role, DateTimeOffset ExpiresAt);

/// <summary>
/// The participant's access was taken back (they left the department, a link was shared): every token they hold is
/// refused from then on. RevokedById is the facilitator who did it, none when a script used the admin key.
/// </summary>
public sealed record ParticipantRevoked(Guid ParticipantId, Guid? RevokedById, string RevokedBy);

public sealed class Participant
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public Org Org { get; set; }
    public Role Role { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Apply(ParticipantInvited e)
    {
        Id = e.ParticipantId;
        Name = e.Name;
        Org = e.Org;
        Role = e.Role;
        ExpiresAt = e.ExpiresAt;
    }

    /// <summary>The time is the event's own: a replay of the stream gives the same revocation time.</summary>
    public void Apply(ParticipantRevoked e, DateTimeOffset at)
    {
        RevokedAt = at;
        RevokedById = e.RevokedById;
        RevokedBy = e.RevokedBy;
    }
}
