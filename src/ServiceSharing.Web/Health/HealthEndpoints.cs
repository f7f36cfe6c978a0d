namespace ServiceSharing.Web.Health;

/// <summary>
/// Liveness says the process serves (a load balancer or orchestrator restarts it only when this fails); readiness
/// says it can do its work, so it fails while PostgreSQL is unreachable and traffic should wait, not the process.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services)
    {
        // Bounded, so a database that hangs instead of refusing still gets an answer well within 10 s.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static void MapServiceHealthChecks(this IEndpointRouteBuilder app)
    {
        // Unchanged for the scripts that poll it: every check, "Healthy" or 503.
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) });
    }
}
