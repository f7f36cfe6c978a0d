using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ServiceSharing.Web.Features.Invites;
using ServiceSharing.Web.Tests.Infrastructure;
using ServiceSharing.Web.Tests.Observability;

namespace ServiceSharing.Web.Tests.Cluster;

/// <summary>
/// Two nodes of the built app as separate processes (as infra/cluster.sh runs them), one redis-server for the
/// backplane and HAProxy with the repository's own infra/cluster/haproxy.cfg, all on free loopback ports, against
/// the suite's PostgreSQL in a schema of their own.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>HAProxy's cookie values, the server names in infra/cluster/haproxy.cfg.</summary>
    public static readonly string[] NodeCookies = ["node1", "node2"];

    /// <summary>A node compiles each endpoint on its first call (Wolverine's dynamic code generation), which on a busy
    /// 2-core machine has taken up to 30 s for the first one.</summary>
    public static readonly TimeSpan FirstCallTimeout = TimeSpan.FromSeconds(120);

    private readonly List<ClusterProcess> _processes = [];

    private LocalCluster(string schema) => Schema = schema;

    public string Schema { get; }
    public ClusterProcess Redis { get; private set; } = null!;
    public ClusterProcess Proxy { get; private set; } = null!;
    public IReadOnlyList<ClusterProcess> Nodes { get; private set; } = [];
    public IReadOnlyList<Uri> NodeAddresses { get; private set; } = [];
    public Uri ProxyAddress { get; private set; } = null!;

    public static async Task<LocalCluster> StartAsync()
    {
        var cluster = new LocalCluster(TestDatabase.NewSchema("cluster"));
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
        var redisPort = FreePort.Next();
        Redis = Keep(ClusterProcess.Start("redis-server", ClusterProcess.Require("redis-server"),
            ["--port", $"{redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], new Dictionary<string, string>()));
        await Redis.WaitForPortAsync(redisPort);

        var nodePorts = new[] { FreePort.Next(), FreePort.Next() };
        var nodes = new List<ClusterProcess>();
        foreach (var port in nodePorts)
        {
            // One after the other: the first creates the schema, the second finds it.
            var node = Keep(StartNode(port, redisPort, nodes.Count + 1));
            await WaitHealthyAsync(node, new Uri($"http://127.0.0.1:{port}"));
            nodes.Add(node);
        }

        Nodes = nodes;
        NodeAddresses = nodePorts.Select(p => new Uri($"http://127.0.0.1:{p}")).ToList();

        var proxyPort = FreePort.Next();
        Proxy = Keep(ClusterProcess.Start("haproxy", ClusterProcess.Require("haproxy"),
            ["-db", "-f", Path.Combine(RepositoryRoot(), "infra", "cluster", "haproxy.cfg")],
            new Dictionary<string, string>
            {
                ["PROXY_BIND"] = $"127.0.0.1:{proxyPort}",
                ["NODE1_ADDR"] = $"127.0.0.1:{nodePorts[0]}",
                ["NODE2_ADDR"] = $"127.0.0.1:{nodePorts[1]}"
            }));
        ProxyAddress = new Uri($"http://127.0.0.1:{proxyPort}");
        await WaitHealthyAsync(Proxy, ProxyAddress);
    }

    private ClusterProcess StartNode(int port, int redisPort, int number)
    {
        var web = WebBuildOutput();
        return ClusterProcess.Start($"node{number}", "dotnet", [Path.Combine(web, "ServiceSharing.Web.dll")],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Marten"] = TestDatabase.ConnectionString,
                ["ConnectionStrings__Redis"] = $"127.0.0.1:{redisPort}",
                ["ServiceSharing__Schema"] = Schema,
                ["ServiceSharing__AdminKey"] = TestApp.AdminKey,
                ["ServiceSharing__SeedStudy"] = "false",
                ["ServiceSharing__CheckpointInterval"] = $"{TestApp.CheckpointInterval}",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_NOLOGO"] = "1"
            }, web);
    }

    private static async Task WaitHealthyAsync(ClusterProcess process, Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"a healthy {address}health", 90);
    }

    /// <summary>An HTTP client through the proxy; <paramref name="node"/> pins it there with HAProxy's cookie.</summary>
    public HttpClient ClientFor(InviteIssued invite, int? node = null)
    {
        var cookies = new CookieContainer();
        if (node is { } pinned)
        {
            cookies.Add(ProxyAddress, new Cookie("SRV", NodeCookies[pinned]));
        }

        var client = new HttpClient(new NoAnswerFromANode(new HttpClientHandler { CookieContainer = cookies })) { BaseAddress = ProxyAddress, Timeout = FirstCallTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        return client;
    }

    /// <summary>An HTTP client straight to one node, past the proxy: the proxy sends an assessment's requests to the
    /// node its id hashes to whatever the cookie says, so a test that needs a given node to commit goes there itself.</summary>
    public HttpClient DirectClientFor(InviteIssued invite, int node)
    {
        var client = new HttpClient { BaseAddress = NodeAddresses[node], Timeout = FirstCallTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        return client;
    }

    /// <summary>The Prometheus exporter answers a scrape from its last one for 300 ms (its default): a count taken
    /// sooner after another scrape would miss what happened since.</summary>
    private static readonly TimeSpan ScrapeCache = TimeSpan.FromMilliseconds(300);

    /// <summary>Ratings each node has committed on boards so far, read from its own /metrics (loopback may scrape).</summary>
    public async Task<double[]> BoardRatingsCommittedAsync()
    {
        await Task.Delay(ScrapeCache + TimeSpan.FromMilliseconds(100));
        using var scraper = new HttpClient();
        return await Task.WhenAll(NodeAddresses.Select(async node =>
            new PrometheusText(await scraper.GetStringAsync(new Uri(node, "/metrics"))).Samples("servicesharing_ratings_accepted_total", "place=\"board\"").Sum()));
    }

    /// <summary>What each node has committed on boards since <paramref name="before"/> (from <see cref="BoardRatingsCommittedAsync"/>).</summary>
    public async Task<double[]> BoardRatingsCommittedSinceAsync(double[] before) =>
        (await BoardRatingsCommittedAsync()).Zip(before, (now, then) => now - then).ToArray();

    /// <summary>A hub client through the proxy, pinned to one node by HAProxy's cookie.</summary>
    public Task<HubClient> ConnectAsync(InviteIssued invite, int node, bool autoReconnect = true) =>
        HubClient.ConnectAsync(ProxyAddress, invite, autoReconnect, options => options.Cookies.Add(ProxyAddress, new Cookie("SRV", NodeCookies[node])));

    public async Task<InviteIssued> InviteAsync(string name, string org, string role)
    {
        using var client = new HttpClient { BaseAddress = ProxyAddress, Timeout = FirstCallTimeout };
        client.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        var response = await client.PostAsJsonAsync("/api/invites", new { name, org, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InviteIssued>())!;
    }

    /// <summary>HAProxy's own 502 / 504 (the node died or hung mid-request) reach the client as what they are: no answer
    /// from the app, after which clients retry with the same Idempotency-Key.</summary>
    private sealed class NoAnswerFromANode(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            {
                throw new HttpRequestException($"The proxy answered {(int)response.StatusCode}: no answer from the node.");
            }

            return response;
        }
    }

    private ClusterProcess Keep(ClusterProcess process)
    {
        _processes.Add(process);
        return process;
    }

    public string Diagnostics() =>
        string.Join("\n\n", _processes.Select(p => $"--- {p.Name} (exited: {p.HasExited})\n{p.OutputTail}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceSharing.EventSourced.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The tests run from inside the repository.");
    }

    /// <summary>The web project's own build output, in the configuration the tests were built in.</summary>
    private static string WebBuildOutput()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var web = Path.Combine(RepositoryRoot(), "src", "ServiceSharing.Web", "bin", configuration, framework);
        File.Exists(Path.Combine(web, "ServiceSharing.Web.dll")).ShouldBeTrue($"the web project is built into {web}");
        return web;
    }
}
