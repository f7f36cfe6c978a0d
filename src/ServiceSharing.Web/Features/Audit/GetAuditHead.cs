using Microsoft.AspNetCore.Mvc;
using Marten;
using ServiceSharing.Web.Persistence.Chain;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Audit;

/// <summary>The head of an assessment's audit chain: publish it, and anyone holding an archive or a copy of the
/// database can check that nothing before it was changed. Version counts the chain's entries (the assessment's own
/// events and its sessions' and calibration rounds'); AssessmentVersion is the board's version at that point.</summary>
public sealed record AuditHeadView(Guid AssessmentId, long Version, string Hash, DateTimeOffset Time, long AssessmentVersion, string Algorithm);

public static class GetAuditHeadEndpoint
{
    public const string Algorithm = "SHA-256";

    /// <summary>Readable by every participant, as the history it stands for is.</summary>
    [ProducesResponseType<AuditHeadView>(StatusCodes.Status200OK)]
    [WolverineGet("/api/assessments/{id}/audit")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<AuditHead>(id, cancellation) is { } head
            ? Results.Ok(new AuditHeadView(id, head.Position, head.Hash, head.Time, head.AssessmentVersion, Algorithm))
            : Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
}
