using Microsoft.AspNetCore.Mvc;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Archive;

public static class ExportArchiveEndpoint
{
    /// <summary>The whole study as JSON Lines. Facilitators and the admin key only: session streams hold blind
    /// scores that nobody else may see before their reveal.</summary>
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, ArchiveFormat.MediaType)]
    [WolverineGet("/api/assessments/{id}/archive"), AllowAnonymous]
    public static async Task<IResult> Get(
        Guid id, HttpContext context, IQuerySession session, IOptions<ServiceSharingOptions> options, TimeProvider clock, CancellationToken cancellation)
    {
        if (!AdminAccess.HoldsAdminKey(context, options.Value.AdminKey))
        {
            if (context.User.ToActor() is not { } actor)
            {
                return Results.Problem(AdminAccess.Unauthenticated($"a facilitator's bearer token, or the admin key in '{AdminAccess.Header}'"));
            }

            if (!actor.IsFacilitator)
            {
                return Results.Problem(Refusals.Forbidden("Only facilitators export an assessment's archive."));
            }
        }

        if (await AssessmentArchive.ReadAsync(session, id, clock.GetUtcNow(), cancellation) is not { } archive)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false));
            await archive.WriteAsync(writer, cancellation);
        }, ArchiveFormat.MediaType, $"assessment-{id}.jsonl");
    }
}
