using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Replay;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Decisions;

public static class GetSensitivityEndpoint
{
    /// <summary>What flips each area's suggested verdict, now or at a version, a moment (asOf) or a named snapshot.</summary>
    [WolverineGet("/api/assessments/{id}/sensitivity")]
    [ProducesResponseType<SensitivityView>(StatusCodes.Status200OK)]
    public static Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation) =>
        new PointInTime(version, asOf, snapshot).AnswerAsync(session, id, state => Results.Ok(SensitivityView.From(state)), cancellation);
}
