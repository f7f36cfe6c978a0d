using System.Net;
using System.Net.Sockets;
using ServiceSharing.Bench.App;

namespace ServiceSharing.Bench.Cluster;

/// <summary>
/// The cluster of infra/cluster.sh, started by the load generator so that it can SIGKILL a node and start it again:
/// redis-server (the SignalR backplane), two nodes of the same published app as the one-node scenarios, with the same
/// settings and PostgreSQL plus <c>ConnectionStrings__Redis</c>, and HAProxy with the repository's own
/// infra/cluster/haproxy.cfg in front; all on free loopback ports.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    /// <summary>HAProxy's stickiness cookie and its values: the server names in infra/cluster/haproxy.cfg.</summary>
    public const string StickinessCookie = "SRV";

    public static readonly string[] NodeNames = ["node1", "node2"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly ClusterOptions _options;
    private readonly string _adminKey;
    private readonly int _redisPort = FreePort();
    private readonly int[] _nodePorts = [FreePort(), FreePort()];
    private readonly int _proxyPort = FreePort();
    private readonly ChildProcess?[] _nodes = new ChildProcess?[2];
    private ChildProcess? _redis;
    private ChildProcess? _proxy;

    private TwoNodeCluster(ClusterOptions options, string adminKey)
    {
        _options = options;
        _adminKey = adminKey;
        ProxyUrl = new Uri($"http://127.0.0.1:{_proxyPort}");
    }

    public Uri ProxyUrl { get; }

    /// <summary>The app processes, for their CPU (what the one-node scenarios call "app").</summary>
    public IReadOnlyList<int> NodePids => _nodes.Where(n => n is { HasExited: false }).Select(n => n!.Id).ToList();

    /// <summary>One HTTP client per node, both through the proxy, each pinned to its node by HAProxy's cookie (and moved
    /// to the other by HAProxy, as a browser is, when its node is down).</summary>
    public IReadOnlyList<AppClient> Entrances { get; private set; } = [];

    /// <summary>One HTTP client per node straight to it, past the proxy (which sends an assessment's requests to one
    /// node whatever the cookie says): for a load that must be taken by a given node.</summary>
    public IReadOnlyList<AppClient> Direct { get; private set; } = [];

    public static async Task<TwoNodeCluster> StartAsync(ClusterOptions options, string adminKey)
    {
        Directory.CreateDirectory(options.Directory);
        var cluster = new TwoNodeCluster(options, adminKey);
        try
        {
            await cluster.StartProcessesAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync()
    {
        // The backplane only relays pushes between nodes: nothing in it needs to survive a restart.
        _redis = ChildProcess.Start("redis", _options.Directory, _options.RedisServer,
            ["--port", $"{_redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], new Dictionary<string, string>());
        await _redis.WaitUntilAsync(() => Task.FromResult(Listening(_redisPort)), $"port {_redisPort}", StartTimeout);

        // Side by side (infra/cluster.sh starts them one after the other so that only the first brings the schema up to
        // date; here the one-node app has done that already).
        await Task.WhenAll(Enumerable.Range(0, _nodes.Length).Select(StartNodeAsync));

        _proxy = ChildProcess.Start("haproxy", _options.Directory, _options.HaProxy, ["-db", "-f", _options.HaProxyConfig],
            new Dictionary<string, string>
            {
                ["PROXY_BIND"] = $"127.0.0.1:{_proxyPort}",
                ["NODE1_ADDR"] = $"127.0.0.1:{_nodePorts[0]}",
                ["NODE2_ADDR"] = $"127.0.0.1:{_nodePorts[1]}"
            });
        Entrances = NodeNames.Select(name => new AppClient(ProxyUrl, _adminKey, new Cookie(StickinessCookie, name))).ToList();
        Direct = _nodePorts.Select(port => new AppClient(new Uri($"http://127.0.0.1:{port}"), _adminKey)).ToList();
        for (var node = 0; node < _nodes.Length; node++)
        {
            await WaitRoutedAsync(node);
        }
    }

    private async Task StartNodeAsync(int node)
    {
        var port = _nodePorts[node];
        var settings = new Dictionary<string, string>(_options.AppSettings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__Redis"] = $"127.0.0.1:{_redisPort}",
            ["ServiceSharing__PublicUrl"] = ProxyUrl.ToString().TrimEnd('/')
        };
        var process = _nodes[node] = ChildProcess.Start(NodeNames[node], _options.Directory, "dotnet",
            [Path.Combine(_options.AppDirectory, "ServiceSharing.Web.dll")], settings, _options.AppDirectory);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilAsync(() => AnswersAsync(http, "/health"), "a healthy /health", StartTimeout);
    }

    /// <summary>SIGKILL of one node; returns the moment it was sent (a Stopwatch timestamp).</summary>
    public long Kill(int node) => _nodes[node]?.Kill() ?? throw new InvalidOperationException($"{NodeNames[node]} is not running.");

    /// <summary>Starts a killed node again on its port, and returns once the proxy sends its cookie's clients to it.</summary>
    public async Task RestartAsync(int node)
    {
        await StartNodeAsync(node);
        await WaitRoutedAsync(node);
    }

    /// <summary>
    /// Until HAProxy's health check has put the node in: a request with the node's cookie is answered without a new
    /// cookie (with "insert indirect", HAProxy sets one only when it had to send the request elsewhere).
    /// </summary>
    public async Task WaitRoutedAsync(int node)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = ProxyUrl, Timeout = TimeSpan.FromSeconds(5) };
        await _proxy!.WaitUntilAsync(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
                request.Headers.Add("Cookie", $"{StickinessCookie}={NodeNames[node]}");
                using var response = await http.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK && !response.Headers.Contains("Set-Cookie");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"routing to {NodeNames[node]}", StartTimeout);
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Below the range of outgoing connections' ports: the proxy's port is chosen before the nodes start, and
    /// once their outgoing connections took it first (HAProxy: "cannot bind socket").</summary>
    private static int FreePort() => ServiceSharing.Web.Tests.Infrastructure.FreePort.Next();

    public ValueTask DisposeAsync()
    {
        foreach (var client in Entrances.Concat(Direct))
        {
            client.Dispose();
        }

        foreach (var process in new[] { _proxy }.Concat(_nodes).Append(_redis))
        {
            process?.Kill();
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>What infra/bench.sh hands over for the two-node scenario: the published app, the settings the one-node
/// app runs with, the programs and the proxy's configuration, and a directory for logs and pid files.</summary>
public sealed record ClusterOptions(
    string AppDirectory,
    IReadOnlyDictionary<string, string> AppSettings,
    string RedisServer,
    string HaProxy,
    string HaProxyConfig,
    string Directory);
