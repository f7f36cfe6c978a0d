namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>Loopback ports for processes started later (also linked into the benchmark's cluster).</summary>
public static class FreePort
{
    /// <summary>
    /// A loopback port nothing listens on now, for an app started (or restarted on the same address) later. Taken below
    /// the kernel's range for outgoing connections: a port from that range, free when chosen, can become the local end
    /// of any outgoing connection (to PostgreSQL, Redis, a health check) before the app binds it, and HAProxy once
    /// failed to start that way.
    /// </summary>
    public static int Next()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(10_000, below);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between 10000 and {below}.");
    }

    private static bool IsFree(int port)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The first port of Linux's ip_local_port_range (32768 when it cannot be read).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > 11_000
            ? start
            : 32_768;
    }
}
