using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Replay;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Agreement;

public static class GetAgreementEndpoint
{
    /// <summary>
    /// How far the reviewers agree, now or at a version, a moment (asOf) or a named snapshot. Computed on each
    /// request from the state folded up to that point, so a replayed answer is exactly what the panel saw then.
    /// </summary>
    [WolverineGet("/api/assessments/{id}/agreement")]
    [ProducesResponseType<AgreementView>(StatusCodes.Status200OK)]
    public static Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation) =>
        new PointInTime(version, asOf, snapshot).AnswerAsync(session, id, state => Results.Ok(AgreementView.From(state)), cancellation);
}
