using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Bench.App;

/// <summary>A participant as the load generator holds them: who they are and the token their requests carry.</summary>
public sealed record Participant(Guid Id, string Name, string Org, string Role, string Token);

/// <summary>A benchmark assessment: its id and its areas, rated at random.</summary>
public sealed record BenchAssessment(Guid Id, IReadOnlyList<Guid> Areas);

/// <summary>
/// The app's HTTP API as the benchmark uses it. One pooled handler serves every participant; each request carries
/// its participant's bearer token, so JWT validation runs on every call as it does in a workshop.
/// </summary>
/// <param name="nodeCookie">Behind the cluster's proxy: the stickiness cookie that sends this client's requests (and
/// its hub connections, see <see cref="BoardObserver"/>) to one node; HAProxy replaces it, as for a browser, when
/// that node is down.</param>
public sealed class AppClient(Uri baseUrl, string adminKey, Cookie? nodeCookie = null) : IDisposable
{
    public static readonly string[] Factors = Enum.GetValues<Factor>().Select(f => f.Key()).ToArray();

    private readonly HttpClient _http = ClientFor(baseUrl, nodeCookie, DecompressionMethods.None);

    // The same reads by a client that accepts compressed answers, as every browser does (the app compresses only its
    // large audit reads).
    private readonly HttpClient _compressed = ClientFor(baseUrl, nodeCookie, DecompressionMethods.All);

    private static HttpClient ClientFor(Uri baseUrl, Cookie? nodeCookie, DecompressionMethods decompression) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        CookieContainer = CookiesFor(baseUrl, nodeCookie),
        AutomaticDecompression = decompression
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60)
    };

    public Uri BaseUrl => baseUrl;

    public Cookie? NodeCookie => nodeCookie;

    /// <summary>A fresh container holding the node's cookie, if any, for one client (HTTP or hub).</summary>
    public static CookieContainer CookiesFor(Uri baseUrl, Cookie? nodeCookie)
    {
        var cookies = new CookieContainer();
        if (nodeCookie is not null)
        {
            cookies.Add(baseUrl, new Cookie(nodeCookie.Name, nodeCookie.Value));
        }

        return cookies;
    }

    /// <summary>Every refused rating by status and title: raters without expectedVersion must never see one.</summary>
    public ConcurrentDictionary<string, int> RatingRefusals { get; } = new();

    public async Task<Participant> InviteAsync(string name, string org, string role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/invites")
        {
            Content = JsonContent.Create(new { name, org, role })
        };
        request.Headers.Add(InviteParticipantEndpoint.AdminKeyHeader, adminKey);
        using var response = await _http.SendAsync(request);
        await EnsureSuccessAsync(response, "invite");
        var invite = (await response.Content.ReadFromJsonAsync<InviteIssued>())!;
        return new Participant(invite.ParticipantId, name, org, role, invite.Token);
    }

    /// <summary>Invites many at once, a few requests in flight at a time.</summary>
    public async Task<IReadOnlyList<Participant>> InviteManyAsync(int count, Func<int, (string Name, string Org, string Role)> who)
    {
        var invited = new Participant[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var (name, org, role) = who(i);
            invited[i] = await InviteAsync(name, org, role);
        });
        return invited;
    }

    public async Task<BenchAssessment> CreateAssessmentAsync(Participant facilitator, string title, int areas)
    {
        var created = await SendJsonAsync(facilitator, HttpMethod.Post, "/api/assessments",
            new { title, areas = Enumerable.Range(1, areas).Select(i => $"Area {i}").ToArray() });
        var id = created["id"]!.GetValue<Guid>();
        var board = await SendJsonAsync(facilitator, HttpMethod.Get, $"/api/assessments/{id}");
        return new BenchAssessment(id, board["areas"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToList());
    }

    public async Task<Guid> OpenSessionAsync(Participant facilitator, Guid assessmentId, string title)
    {
        var session = await SendJsonAsync(facilitator, HttpMethod.Post, "/api/sessions", new { assessmentId, title });
        return session["id"]!.GetValue<Guid>();
    }

    /// <summary>One rating without expectedVersion, as a reviewer sends it; the answer is the version it made, or null when refused.</summary>
    public async Task<long?> RateAsync(Participant reviewer, BenchAssessment assessment, Random random)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assessments/{assessment.Id}/ratings")
        {
            Content = JsonContent.Create(new
            {
                areaId = assessment.Areas[random.Next(assessment.Areas.Count)],
                factor = Factors[random.Next(Factors.Length)],
                score = random.Next(0, 5)
            })
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reviewer.Token);
        using var response = await _http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync();
            var title = problem.Length > 200 ? problem[..200] : problem;
            RatingRefusals.AddOrUpdate($"{(int)response.StatusCode} {title}", 1, (_, n) => n + 1);
            return null;
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["version"]!.GetValue<long>();
    }

    /// <summary>A GET as the participant, failing on anything but 200; returns the length of the body as the app wrote
    /// it (unpacked). The whole answer is read and counted as it arrives, as a browser or curl takes it: buffering an
    /// area's 4 MB history into one array first cost this client about as long again as the app took to send it.</summary>
    public async Task<long> GetAsync(Participant who, string path, bool acceptCompressed = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        var client = acceptCompressed ? _compressed : _http;
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await EnsureSuccessAsync(response, path);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    public async Task<string> GetTextAsync(Participant who, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        using var response = await _http.SendAsync(request);
        await EnsureSuccessAsync(response, path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonNode> SendJsonAsync(Participant who, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        using var response = await _http.SendAsync(request);
        await EnsureSuccessAsync(response, path);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _compressed.Dispose();
    }
}
