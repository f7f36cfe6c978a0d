using Wolverine.Http;

namespace ServiceSharing.Web.Problems;

/// <summary>
/// Every route value named `id` or ending in `Id` is a Guid in this API (the OpenAPI document says format uuid).
/// Wolverine answers one it cannot parse with a bare 404, as if the thing did not exist; a malformed id is the
/// caller's mistake, so it gets a 400 naming the segment before the endpoint runs.
/// </summary>
public sealed class MalformedRouteIds(IProblemDetailsService problems) : IMiddleware
{
    public static bool IsIdName(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            var errors = new RequestErrors();
            foreach (var parameter in endpoint.RoutePattern.Parameters.Where(p => IsIdName(p.Name)))
            {
                var value = context.Request.RouteValues[parameter.Name]?.ToString();
                errors.When(!Guid.TryParse(value, out _), parameter.Name, $"'{parameter.Name}' must be an id (a UUID such as 3f2b8c1e-0d4a-4e7b-9a65-1c2d3e4f5a6b).");
            }

            var problem = errors.ToProblem();
            if (problem != WolverineContinue.NoProblems)
            {
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }
        }

        await next(context);
    }
}
