using Marten;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.History;

public static class GetHistoryEndpoint
{
    /// <summary>The ordered audit trail, optionally of one area or one factor, or only what came after a version.</summary>
    [WolverineGet("/api/assessments/{id}/history")]
    public static async Task<IResult> Get(
        Guid id, Guid? areaId, string? factor, long? since, IQuerySession session, CancellationToken cancellation)
    {
        if (factor is not null && !FactorKeys.TryParse(factor, out _))
        {
            return Results.Problem(new RequestErrors().Add("factor", $"'factor' must be one of {FactorKeys.AllKeys}.").ToProblem());
        }

        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var entries = AuditTrail.Build(events)
            .Where(e => since is null || e.Version > since)
            .Where(e => areaId is null || e.AreaId == areaId)
            .Where(e => factor is null || string.Equals(e.Factor, factor, StringComparison.OrdinalIgnoreCase));
        return Results.Ok(entries.ToList());
    }
}
