using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

public static class GetSessionEndpoint
{
    /// <summary>The session as the caller may see it, now or (with version) exactly as it stood then.</summary>
    [WolverineGet("/api/sessions/{id}")]
    [ProducesResponseType<SessionView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, long? version, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var current = await session.LoadAsync<ReviewSession>(id, cancellation);
        if (current is null)
        {
            return Results.Problem(Refusals.NotFound($"No session '{id}'."));
        }

        var viewer = user.RequireActor();
        if (!MayView(current, viewer))
        {
            return Results.Problem(Refusals.Forbidden("Reviewers see the sessions they are invited to."));
        }

        if (version is { } v && (v < 1 || v > current.Version))
        {
            return Results.Problem(new RequestErrors().Add("version", $"'version' must be from 1 to {current.Version}.").ToProblem());
        }

        var state = version is null ? current : await session.Events.AggregateStreamAsync<ReviewSession>(id, version.Value, token: cancellation);
        return Results.Ok(SessionView.For(state!, viewer));
    }

    public static bool MayView(ReviewSession session, Actor viewer) => !viewer.IsReviewer || session.IsInvited(viewer.Id);
}
