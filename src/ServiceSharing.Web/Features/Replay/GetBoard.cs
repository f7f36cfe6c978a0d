using Marten;
using ServiceSharing.Web.Features.Board;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Replay;

public static class GetBoardEndpoint
{
    /// <summary>The board now, or exactly as it stood at a version, a moment (asOf) or a named snapshot.</summary>
    [WolverineGet("/api/assessments/{id}")]
    public static async Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation)
    {
        var (state, problem) = await new PointInTime(version, asOf, snapshot).ResolveAsync(session, id, cancellation);
        return problem is not null
            ? Results.Problem(problem)
            : Results.Ok(BoardView.From(state!));
    }
}
