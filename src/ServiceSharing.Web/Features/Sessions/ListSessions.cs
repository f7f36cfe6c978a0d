using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>One workshop of an assessment as a list shows it; the round in vote, if any, lets a screen join it at once.</summary>
public sealed record SessionSummary(
    Guid Id, string Title, DateTimeOffset OpenedAt, bool Closed, long SessionVersion, int Invited, int Connected, Guid? OpenRoundId);

public static class ListSessionsEndpoint
{
    /// <summary>The assessment's sessions the caller may open, newest first: reviewers see those they are invited to.</summary>
    [WolverineGet("/api/assessments/{id}/sessions")]
    [ProducesResponseType<IReadOnlyList<SessionSummary>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Assessment>(id, cancellation) is null)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var viewer = user.RequireActor();
        var sessions = (await session.Query<ReviewSession>().Where(s => s.AssessmentId == id).ToListAsync(cancellation))
            .Where(s => GetSessionEndpoint.MayView(s, viewer))
            .ToList();
        // When a session was opened is the time of its stream's first event.
        var ids = sessions.Select(s => s.Id).ToArray();
        var opened = (await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId.IsOneOf(ids) && e.Version == 1)
                .ToListAsync(cancellation))
            .ToDictionary(e => e.StreamId, e => e.Timestamp);
        return Results.Ok(sessions
            .Select(s => ToSummary(s, opened.GetValueOrDefault(s.Id)))
            .OrderBy(s => s.Closed)
            .ThenByDescending(s => s.OpenedAt)
            .ToList());
    }

    public static SessionSummary ToSummary(ReviewSession session, DateTimeOffset openedAt) => new(
        session.Id,
        session.Title,
        openedAt,
        session.Closed,
        session.Version,
        session.Participants.Count(p => p.Invited),
        session.Participants.Count(p => p.Connected),
        session.Rounds.LastOrDefault(r => r.Status is not (RoundStatus.Closed or RoundStatus.Discarded))?.Id);
}
