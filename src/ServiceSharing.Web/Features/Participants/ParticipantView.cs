using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Participants;

/// <summary>One person as the People view lists them. Status is "active" or "revoked"; the invite's end is expiresAt.</summary>
public sealed record ParticipantView(
    Guid Id, string Name, string Org, string Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, string Status,
    DateTimeOffset? RevokedAt, Guid? RevokedById, string? RevokedBy)
{
    public const string Active = "active";
    public const string Revoked = "revoked";

    public static ParticipantView Of(Participant p) => new(
        p.Id, p.Name, p.Org.Key(), p.Role.Key(), p.InvitedAt, p.ExpiresAt, p.IsRevoked ? Revoked : Active,
        p.RevokedAt, p.RevokedById, p.RevokedBy);
}
