using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Replay;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.History;

public static class GetHistoryEndpoint
{
    /// <summary>The ordered audit trail, optionally of one area or one factor, or only what came after a version.</summary>
    [WolverineGet("/api/assessments/{id}/history")]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        Guid id, Guid? areaId, string? factor, long? since, IQuerySession session, CancellationToken cancellation)
    {
        if (factor is not null && !FactorKeys.TryParse(factor, out _))
        {
            return Results.Problem(new RequestErrors().Add("factor", $"'factor' must be one of {FactorKeys.AllKeys}.").ToProblem());
        }

        if (await session.Events.FetchStreamStateAsync(id, cancellation) is not { } stream)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        // A client catching up after a gap asks only for what came after its version: read only that, with the
        // "before" values starting from the state at that version.
        var after = Math.Clamp(since ?? 0, 0, stream.Version);
        var events = await session.Events.FetchStreamAsync(id, fromVersion: after + 1, token: cancellation);
        var entries = AuditTrail.Build(events, await CheckpointedReplay.StateAtAsync(session, id, after, cancellation))
            .Where(e => areaId is null || e.AreaId == areaId)
            .Where(e => factor is null || string.Equals(e.Factor, factor, StringComparison.OrdinalIgnoreCase));
        return Results.Ok(entries.ToList());
    }
}
