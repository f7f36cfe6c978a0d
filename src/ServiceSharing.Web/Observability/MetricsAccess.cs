using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;

namespace ServiceSharing.Web.Observability;

/// <summary>
/// Who may scrape /metrics: a caller on this host (a local Prometheus or agent), or anyone holding the admin key in
/// X-Admin-Key. The figures name no one, but they tell an outsider how busy a study is and when: not public.
/// </summary>
public static class MetricsAccess
{
    public static bool IsAllowed(HttpContext context, string? adminKey) =>
        context.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)
        || AdminKey.IsHeldBy(context, adminKey);

    /// <summary>Runs in front of the Prometheus exporter: everyone else gets a 401 ProblemDetails, as the admin
    /// endpoints answer a caller without the key.</summary>
    public static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ServiceSharingOptions>>().Value;
        if (IsAllowed(context, options.AdminKey))
        {
            await next(context);
            return;
        }

        await context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "Sign in first.",
            Detail = $"Scrape /metrics from the host itself, or send the admin key in '{AdminKey.Header}'."
        });
    }
}
