using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Web.Auth;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Participants;

/// <summary>Everyone ever invited, active or revoked, in the order they were invited: for facilitators and the admin key.</summary>
public static class ListParticipantsEndpoint
{
    public static ProblemDetails Before(HttpContext context, IOptions<ServiceSharingOptions> options) =>
        AdminKey.FacilitatorOrAdminKey(context, options.Value.AdminKey, "Only facilitators see who is invited.");

    [WolverineGet("/api/participants"), AllowAnonymous]
    public static async Task<IReadOnlyList<ParticipantView>> Get(IQuerySession session, CancellationToken cancellation)
    {
        var participants = await session.Query<Participant>().OrderBy(p => p.InvitedAt).ToListAsync(cancellation);
        return participants.Select(ParticipantView.Of).ToList();
    }
}
