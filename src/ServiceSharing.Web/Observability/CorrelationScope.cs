using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Observability;

/// <summary>
/// Opens a logging scope with the request's correlation id, the same one its events carry as Marten's correlation id
/// (<see cref="ActorStamping.CorrelationOf"/>: the caller's X-Correlation-Id, or the request's own identifier), so a
/// log line and the history entry it belongs to can be put side by side.
/// </summary>
public sealed class CorrelationScope(RequestDelegate next, ILogger<CorrelationScope> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope("CorrelationId:{CorrelationId}", ActorStamping.CorrelationOf(context)))
        {
            await next(context);
        }
    }
}
