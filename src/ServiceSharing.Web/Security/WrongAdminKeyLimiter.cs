using System.Threading.RateLimiting;
using ServiceSharing.Web.Auth;

namespace ServiceSharing.Web.Security;

/// <summary>
/// Counts wrong admin keys per client address in one-minute windows. A wrong key spends one of the address's guesses;
/// once they are spent, every request carrying an admin key is refused until the window ends, the right key too, so
/// that a refusal tells a guesser nothing about the key. Requests without the header pass untouched.
/// </summary>
public sealed class WrongAdminKeyLimiter(int wrongKeysPerMinute, string? adminKey) : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimiter Unlimited = RateLimitPartition.GetNoLimiter("unlimited").Factory("unlimited");

    private readonly PartitionedRateLimiter<string> _guesses = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = wrongKeysPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0
        }));

    public const string Policy = "wrong-admin-key";

    /// <summary>Set on a request this limiter refused.</summary>
    public static readonly object RefusedItem = new();

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext context, int permitCount)
    {
        if (!AdminKey.IsSent(context))
        {
            return Unlimited.AttemptAcquire();
        }

        // Zero permits asks only whether the address still has guesses left; it spends none.
        var lease = _guesses.AttemptAcquire(RequestRateLimits.ClientAddress(context), AdminKey.IsHeldBy(context, adminKey) ? 0 : 1);
        if (!lease.IsAcquired)
        {
            // The chain stops at the first refusal, so the refusal says which limit it was (see RequestRateLimits).
            context.Items[RefusedItem] = true;
        }

        return lease;
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext context, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(context, permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _guesses.Dispose();
        }

        base.Dispose(disposing);
    }
}
