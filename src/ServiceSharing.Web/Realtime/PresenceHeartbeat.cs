namespace ServiceSharing.Web.Realtime;

/// <summary>
/// Every second: this node beats, puts back its connections if a sweep took them while it was slow, and sweeps the
/// nodes that stopped beating, so the people of a node that died leave "who is here" within
/// <see cref="PresenceLedger.Expiry"/> plus a beat. Every node sweeps; the ledger makes that safe.
/// </summary>
public sealed class PresenceHeartbeat(PresenceLedger ledger, PresenceTracker tracker, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var held = tracker.Count;
                if (await ledger.BeatAsync(stoppingToken) < held)
                {
                    await ledger.RestoreAsync(stoppingToken);
                }

                await ledger.SweepDeadNodesAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL away: presence waits for it like every write does; the next beat tries again.
                logger.LogWarning(e, "Presence heartbeat failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
