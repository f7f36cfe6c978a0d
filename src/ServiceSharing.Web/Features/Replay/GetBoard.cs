using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Board;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Replay;

public static class GetBoardEndpoint
{
    /// <summary>The board now, or exactly as it stood at a version, a moment (asOf) or a named snapshot.</summary>
    [WolverineGet("/api/assessments/{id}")]
    [ProducesResponseType<BoardView>(StatusCodes.Status200OK)]
    public static Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation) =>
        new PointInTime(version, asOf, snapshot).AnswerAsync(session, id, state => Results.Ok(BoardView.From(state)), cancellation);
}
