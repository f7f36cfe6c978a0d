using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Participants;

/// <summary>
/// Takes a participant's access back: from the commit on, every token they hold answers 401 and their hub connections
/// close (Auth/RevocationList). No body. Revoking someone already revoked changes nothing and answers as before.
/// </summary>
public static class RevokeParticipantEndpoint
{
    public const string AdminKeyRevoker = "admin key";

    public static async Task<IEventStream<Participant>?> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Participant>(id, cancellation);
        return stream.Aggregate is null ? null : stream;
    }

    public static ProblemDetails Before(HttpContext context, IOptions<ServiceSharingOptions> options, IEventStream<Participant>? stream) =>
        AdminKey.FacilitatorOrAdminKey(context, options.Value.AdminKey, "Only facilitators revoke access.")
            .OrElse(() => stream is null ? Refusals.NotFound("No such participant.") : WolverineContinue.NoProblems);

    [WolverinePost("/api/participants/{id}/revoke"), AllowAnonymous]
    public static ParticipantView Post(IEventStream<Participant> stream, HttpContext context, TimeProvider clock)
    {
        var participant = stream.Aggregate!;
        if (Decide(participant, context.User.ToActor()) is not { } revoked)
        {
            return ParticipantView.Of(participant);
        }

        var at = clock.GetUtcNow();
        stream.AppendOne(revoked.AsEvent().AtTimestamp(at));
        return ParticipantView.Of(participant) with
        {
            Status = ParticipantView.Revoked, RevokedAt = at, RevokedById = revoked.RevokedById, RevokedBy = revoked.RevokedBy
        };
    }

    /// <summary>Who revoked is the facilitator signed in, or the admin key's holder; nothing happens twice.</summary>
    public static ParticipantRevoked? Decide(Participant participant, Actor? revoker) =>
        participant.IsRevoked ? null : new ParticipantRevoked(participant.Id, revoker?.Id, revoker?.Name ?? AdminKeyRevoker);
}
