using Marten;
using ServiceSharing.Web.Outage;

namespace ServiceSharing.Web.Idempotency;

/// <summary>
/// Keys are kept at least <see cref="RetentionHours"/> hours (configurable as ServiceSharing:IdempotencyKeyHours,
/// never less): long enough for any client's retries, short enough that the table stays small. They are operational
/// records beside the history, not part of it: the events they guard stay forever.
/// </summary>
public sealed class IdempotencyKeyExpiry(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyKeyExpiry> logger)
    : BackgroundService
{
    public const int RetentionHours = 24;

    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = TimeSpan.FromHours(Math.Max(RetentionHours, configuration.GetValue("ServiceSharing:IdempotencyKeyHours", RetentionHours)));
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var cutoff = clock.GetUtcNow() - retention;
                await using var session = store.LightweightSession();
                session.DeleteWhere<IdempotentRequest>(request => request.RecordedAt < cutoff);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (DatabaseOutage.IsOutage(e))
            {
                logger.LogWarning("Expired idempotency keys were not removed: the database is unavailable; next try in {Every}.", Every);
            }
        }
    }
}
