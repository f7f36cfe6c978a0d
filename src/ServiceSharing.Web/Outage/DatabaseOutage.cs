using System.Net.Sockets;
using Npgsql;

namespace ServiceSharing.Web.Outage;

/// <summary>
/// Tells a failure of the database's reach (refused or dropped connections, timeouts, a server shutting down or
/// starting up) from a failure of the request itself. Marten retries commits only for errors PostgreSQL reported,
/// never a dropped connection (a retry could append twice), so these reach the HTTP layer, which answers 503.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait before retrying: about the time PostgreSQL takes to restart.</summary>
    public const int RetryAfterSeconds = 3;

    public static bool IsOutage(Exception exception) => Causes(exception).Any(cause => cause switch
    {
        // Reported by the server: only the states that mean "not reachable now", never a refused statement.
        PostgresException reported => IsUnavailableState(reported.SqlState),
        // Raised by the driver: the connection could not be opened, broke, or timed out.
        NpgsqlException or SocketException or TimeoutException => true,
        _ => false
    });

    /// <summary>Connection exceptions (08), insufficient resources (53), shutdown or start-up (57P01-57P03),
    /// system errors (58).</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("58", StringComparison.Ordinal)
        || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var next))
        {
            yield return next;
            if (next is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (next.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
