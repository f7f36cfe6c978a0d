namespace ServiceSharing.Web.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on now, for an app a test restarts on the same address.</summary>
    public static int Next()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
