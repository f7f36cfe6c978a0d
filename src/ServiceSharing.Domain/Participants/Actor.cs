using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Participants;

/// <summary>The authenticated person behind a command: who they are, for which org, in which role.</summary>
public sealed record Actor(Guid Id, string Name, Org Org, Role Role)
{
    public bool IsFacilitator => Role == Role.Facilitator;
    public bool IsReviewer => Role == Role.Reviewer;
}
