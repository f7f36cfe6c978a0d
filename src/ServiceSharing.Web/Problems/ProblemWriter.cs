using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ServiceSharing.Web.Problems;

/// <summary>
/// Writes every ProblemDetails the host produces (ours, Wolverine's, ASP.NET Core's status code pages and exception
/// handler) the same way: application/problem+json, a title, the trace id and a `type` from <see cref="ProblemTypes"/>.
/// It writes whatever the Accept header says, so no error ever leaves as an empty or plain-text body.
/// </summary>
public sealed class ProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = Shape(context.ProblemDetails, http);
        context.ProblemDetails = problem;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        problem = context.ProblemDetails;
        // A customization may not step outside the one scheme.
        if (!ProblemTypes.IsOurs(problem.Type))
        {
            problem.Type = ProblemTypes.For(problem.Status!.Value);
        }

        http.Response.StatusCode = problem.Status!.Value;
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, ContentType, http.RequestAborted));
    }

    public static ProblemDetails Shape(ProblemDetails given, HttpContext http)
    {
        var problem = WolverineRefusals.Translate(given);
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Detail ??= DefaultDetail(problem.Status.Value);
        problem.Type = ProblemTypes.For(problem.Status.Value);
        problem.Instance ??= http.Request.Path;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        return problem;
    }

    // The answers ASP.NET Core and Wolverine give with a bare status: say what to do about them.
    private static string? DefaultDetail(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send a participant's token as 'Authorization: Bearer <token>'.",
        StatusCodes.Status403Forbidden => "The caller's role may not do this.",
        StatusCodes.Status404NotFound => "Nothing is found at this address.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take this method; the OpenAPI document at /openapi/v1.json lists what it takes.",
        StatusCodes.Status406NotAcceptable => "The API answers application/json.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ => null
    };
}
