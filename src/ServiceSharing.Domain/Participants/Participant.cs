using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Participants;

/// <summary>Someone invited to take part in the assessments: one stream per participant.</summary>
public sealed record ParticipantInvited(Guid ParticipantId, string Name, Org Org, Role Role, DateTimeOffset ExpiresAt);

public sealed class Participant
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public Org Org { get; set; }
    public Role Role { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public void Apply(ParticipantInvited e)
    {
        Id = e.ParticipantId;
        Name = e.Name;
        Org = e.Org;
        Role = e.Role;
        ExpiresAt = e.ExpiresAt;
    }
}
