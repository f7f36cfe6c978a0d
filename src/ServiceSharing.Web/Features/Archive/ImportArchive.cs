using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Archive;

public sealed record ArchiveImported(Guid AssessmentId, long Imported, bool AlreadyPresent, long Version, string Hash, DateTimeOffset? Time, long AssessmentVersion);

public static class ImportArchiveEndpoint
{
    /// <summary>An admin puts an exported archive (JSON Lines, as GET .../archive gives it) into this instance.
    /// 200 with the chain head reached; 400 naming the first bad line of a damaged or altered archive; 409 when the
    /// instance holds a different history of that assessment. Importing the same archive again changes nothing.</summary>
    [ProducesResponseType<ArchiveImported>(StatusCodes.Status200OK)]
    [WolverinePost("/api/archives"), AllowAnonymous]
    public static async Task<IResult> Post(HttpRequest request, IOptions<ServiceSharingOptions> options, ArchiveImport import, CancellationToken cancellation)
    {
        if (!AdminAccess.HoldsAdminKey(request.HttpContext, options.Value.AdminKey))
        {
            return Results.Problem(
                request.Headers.ContainsKey(AdminAccess.Header) ? Refusals.Forbidden("The admin key is not this instance's.")
                : request.HttpContext.User.Identity?.IsAuthenticated == true ? Refusals.Forbidden("Importing an archive takes the admin key; no participant's token does.")
                : AdminAccess.Unauthenticated($"the admin key in '{AdminAccess.Header}'"));
        }

        var lines = await ReadLinesAsync(request, cancellation);
        var outcome = await import.ImportAsync(lines, cancellation);
        return outcome.Result switch
        {
            ImportResult.Refused => Results.Problem(BadLine(outcome.BadLine!.Value, outcome.Reason!)),
            ImportResult.Conflict => Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "This instance holds another history of the assessment.", Detail = outcome.Reason
            }),
            _ => Results.Ok(new ArchiveImported(outcome.AssessmentId, outcome.Imported,
                outcome.Result == ImportResult.AlreadyPresent, outcome.Head!.Version, outcome.Head.Hash, outcome.Head.Time, outcome.Head.AssessmentVersion))
        };
    }

    public static ProblemDetails BadLine(int line, string reason)
    {
        var problem = new RequestErrors().Add("line", $"line {line}: {reason}").ToProblem();
        problem.Title = $"The archive is damaged or altered at line {line}.";
        problem.Extensions["line"] = line;
        return problem;
    }

    private static async Task<IReadOnlyList<string>> ReadLinesAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: false));
        var text = await reader.ReadToEndAsync(cancellation);
        return text.Split('\n');
    }
}
