using System.Diagnostics.Metrics;
using ServiceSharing.Web.Observability;

namespace ServiceSharing.Web.Security;

/// <summary>servicesharing.rate_limit.refusals: 429s, tagged with the limit that refused ("participant-writes",
/// "address", "wrong-admin-key").</summary>
public sealed class RateLimitMetrics(ServiceMeter meter)
{
    private readonly Counter<long> _refusals = meter.Meter.CreateCounter<long>(
        "servicesharing.rate_limit.refusals", "{request}", "Requests refused by a rate limit.");

    public void Refused(string policy) => _refusals.Add(1, new KeyValuePair<string, object?>("policy", policy));
}
