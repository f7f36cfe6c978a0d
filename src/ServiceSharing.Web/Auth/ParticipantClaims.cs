using System.Security.Claims;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Auth;

/// <summary>The claims a participant token carries, and the Actor they describe.</summary>
public static class ParticipantClaims
{
    public const string Id = "sub";
    public const string Name = "name";
    public const string Org = "org";
    public const string Role = "role";

    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(Id), out var id)
            || !OrgsAndRoles.TryParseOrg(user.FindFirstValue(Org), out var org)
            || !OrgsAndRoles.TryParseRole(user.FindFirstValue(Role), out var role))
        {
            return null;
        }

        return new Actor(id, user.FindFirstValue(Name) ?? "", org, role);
    }

    /// <summary>For endpoints that sit behind authorization: a principal without a participant is a bug.</summary>
    public static Actor RequireActor(this ClaimsPrincipal user) =>
        user.ToActor() ?? throw new InvalidOperationException("The request's principal is not a participant.");
}
