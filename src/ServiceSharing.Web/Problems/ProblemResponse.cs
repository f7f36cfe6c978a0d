using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Problems;

/// <summary>A refusal answered from middleware, outside an endpoint: written by the host's problem writer
/// (<see cref="ProblemWriter"/>) like every other one.</summary>
public static class ProblemResponse
{
    public static async Task WriteProblemAsync(this HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
