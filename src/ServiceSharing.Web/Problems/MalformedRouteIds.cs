using Wolverine.Http;

namespace ServiceSharing.Web.Problems;

/// <summary>
/// Every route value named `id` or ending in `Id` is a Guid in this API (the OpenAPI document says format uuid).
/// Wolverine answers one it cannot parse with a bare 404, as if the thing did not exist; a malformed id is the
/// caller's mistake, so it gets a 400 naming the segment before the endpoint runs. The empty Guid is well formed but
/// names nothing (Marten refuses it as a stream id), so it is a 404 here.
/// </summary>
public sealed class MalformedRouteIds(IProblemDetailsService problems) : IMiddleware
{
    public static bool IsIdName(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint)
        {
            var errors = new RequestErrors();
            var empty = new List<string>();
            foreach (var parameter in endpoint.RoutePattern.Parameters.Where(p => IsIdName(p.Name)))
            {
                var value = context.Request.RouteValues[parameter.Name]?.ToString();
                if (!Guid.TryParse(value, out var id))
                {
                    errors.Add(parameter.Name, $"'{parameter.Name}' must be an id (a UUID such as 3f2b8c1e-0d4a-4e7b-9a65-1c2d3e4f5a6b).");
                }
                else if (id == Guid.Empty)
                {
                    empty.Add(parameter.Name);
                }
            }

            var problem = errors.ToProblem().OrElse(() => empty.Count > 0
                ? Refusals.NotFound($"Nothing has the empty id ('{string.Join("', '", empty)}').")
                : WolverineContinue.NoProblems);
            if (problem != WolverineContinue.NoProblems)
            {
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }
        }

        await next(context);
    }
}
