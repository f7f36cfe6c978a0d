using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using ServiceSharing.Web.Features.Invites;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>The real app on Kestrel, on a free loopback port, against the real PostgreSQL, in a schema of its own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication _app;

    private TestApp(WebApplication app, string schema, Uri baseAddress)
    {
        _app = app;
        Schema = schema;
        BaseAddress = baseAddress;
    }

    public string Schema { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Replay checkpoints every few versions, so every replay, diff and history test in the suite runs through
    /// checkpoints and the events after them, not only through the fold from the first event.</summary>
    public const int CheckpointInterval = 4;

    /// <param name="configure">Runs after the test settings, e.g. to capture logs or raise their level.</param>
    /// <param name="connectionString">A PostgreSQL of the test's own (one it may stop); the suite's shared one otherwise.</param>
    public static async Task<TestApp> StartAsync(
        string? schema = null, bool seed = true, int port = 0, Action<WebApplicationBuilder>? configure = null, string? connectionString = null)
    {
        schema ??= TestDatabase.NewSchema("app");
        var app = ServiceSharingApp.Build(["--urls", $"http://127.0.0.1:{port}", "--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Marten"] = connectionString ?? TestDatabase.ConnectionString,
                ["ServiceSharing:Schema"] = schema,
                ["ServiceSharing:AdminKey"] = AdminKey,
                ["ServiceSharing:SeedStudy"] = seed ? "true" : "false",
                ["ServiceSharing:CheckpointInterval"] = CheckpointInterval.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
                // The whole suite calls from one address, with the admin key and without tokens, thousands of times: a
                // building full of people, not one. The per-address budget is raised for it; per-participant limits
                // stay as shipped, and the tests that prove the limits set their own on apps of their own.
                ["ServiceSharing:RateLimits:AddressBurst"] = "1000000",
                ["ServiceSharing:RateLimits:AddressRequestsPerMinute"] = "1000000"
            });
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        // The app warms its rating path beside its start (Persistence/WriteWarmUp.cs). A test begins once that is done,
        // so what it reads of the app's SQL log or its statements is its own.
        await (app.Services.GetServices<IHostedService>().OfType<WriteWarmUp>().Single().ExecuteTask ?? Task.CompletedTask);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestApp(app, schema, new Uri(address));
    }

    /// <summary>Every POST carries an Idempotency-Key, as the web app's do.</summary>
    public HttpClient Anonymous() => new(new IdempotencyKeys()) { BaseAddress = BaseAddress };

    public HttpClient ClientFor(InviteIssued invite)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        return client;
    }

    public async Task<InviteIssued> InviteAsync(string name, string org, string role)
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var response = await client.PostAsJsonAsync("/api/invites", new { name, org, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InviteIssued>())!;
    }

    public async Task<HttpClient> SignInAsync(string name, string org, string role) => ClientFor(await InviteAsync(name, org, role));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
