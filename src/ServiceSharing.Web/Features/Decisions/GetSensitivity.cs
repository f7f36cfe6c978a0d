using Marten;
using ServiceSharing.Web.Features.Replay;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Decisions;

public static class GetSensitivityEndpoint
{
    /// <summary>What flips each area's suggested verdict, now or at a version, a moment (asOf) or a named snapshot.</summary>
    [WolverineGet("/api/assessments/{id}/sensitivity")]
    public static async Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation)
    {
        var (state, problem) = await new PointInTime(version, asOf, snapshot).ResolveAsync(session, id, cancellation);
        return problem is not null
            ? Results.Problem(problem)
            : Results.Ok(SensitivityView.From(state!));
    }
}
