using Marten;

namespace ServiceSharing.Web.Auth;

/// <summary>
/// Reloads this node's revocation list every second and closes the hub connections of anyone revoked, so a
/// revocation recorded on another node holds here too, within seconds.
/// </summary>
public sealed class RevocationWatch(
    IDocumentStore store, RevocationList revocations, Realtime.ParticipantConnections connections, ILogger<RevocationWatch> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RevocationList.RefreshInterval);
        do
        {
            try
            {
                var revoked = await revocations.ReloadAsync(store, stoppingToken);
                connections.AbortAll(revoked);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not reload the revoked participants; the last list read stays in force.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
