using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Sessions;

public sealed class SessionParticipant
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Org Org { get; set; }
    public Role Role { get; set; }
    public bool Invited { get; set; }
    public bool Connected { get; set; }
}
