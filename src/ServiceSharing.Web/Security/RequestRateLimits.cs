using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Problems;

namespace ServiceSharing.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned the way the studio is used: a signed-in participant's writes per
/// participant (their reads are not limited), everything without a valid token per client address, and wrong admin
/// keys per address on top (WrongAdminKeyLimiter). A refusal is a 429 ProblemDetails with Retry-After. Health probes
/// are never limited, so a load balancer never takes a node out because of them; static files are served before the
/// limiter runs.
/// </summary>
public static class RequestRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton<RateLimitMetrics>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ServiceSharingOptions>>((limiter, options) =>
        {
            var limits = options.Value.RateLimits;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RefuseAsync;
            if (limits.Enabled)
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits)),
                    new WrongAdminKeyLimiter(limits.WrongAdminKeysPerMinute, options.Value.AdminKey));
            }
        });
        return services;
    }

    /// <summary>Behind a proxy this is the proxy's address unless forwarded headers are applied first.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        if (context.User.ToActor() is { } actor)
        {
            return IsWrite(context.Request)
                ? TokenBucket($"participant:{actor.Id}", limits.ParticipantWritesPerMinute, limits.ParticipantWriteBurst)
                : RateLimitPartition.GetNoLimiter("participant-reads");
        }

        return TokenBucket($"address:{ClientAddress(context)}", limits.AddressRequestsPerMinute, limits.AddressBurst);
    }

    /// <summary>The chained limiters run in order and stop at the first refusal: the wrong-key limiter marks its own;
    /// otherwise it was the request's partition.</summary>
    private static string RefusingPolicy(HttpContext context) =>
        context.Items.ContainsKey(WrongAdminKeyLimiter.RefusedItem) ? WrongAdminKeyLimiter.Policy
        : context.User.ToActor() is not null ? "participant-writes"
        : "address";

    private static bool IsWrite(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static RateLimitPartition<string> TokenBucket(string key, int perMinute, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
            QueueLimit = 0,
            AutoReplenishment = true
        });

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var context = rejected.HttpContext;
        context.RequestServices.GetRequiredService<RateLimitMetrics>().Refused(RefusingPolicy(context));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = $"Slow down: try again in {seconds} s."
        });
    }
}
