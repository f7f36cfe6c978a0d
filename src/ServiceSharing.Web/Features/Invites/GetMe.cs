using System.Security.Claims;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Auth;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Invites;

public sealed record Me(Guid ParticipantId, string Name, string Org, string Role);

public static class GetMeEndpoint
{
    [WolverineGet("/api/me")]
    public static Me Get(ClaimsPrincipal user)
    {
        var actor = user.RequireActor();
        return new Me(actor.Id, actor.Name, actor.Org.Key(), actor.Role.Key());
    }
}
