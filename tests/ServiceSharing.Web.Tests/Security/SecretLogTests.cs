using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Security;

/// <summary>
/// With every category at Trace, no log line (message or structured values) holds a participant token or the admin
/// key: not the hub's access_token query parameter, not a bearer header, not a refused or revoked token.
/// </summary>
public sealed class SecretLogTests
{
    [Fact]
    public async Task no_token_or_admin_key_reaches_a_log_line_even_at_trace_level()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Configuration["Logging:LogLevel:Default"] = "Trace";
            // appsettings.json keeps ASP.NET Core at Warning; its request lines are where a query token would show.
            builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
            builder.Logging.AddProvider(logs);
        });

        var facilitator = await app.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        var leaving = await app.InviteAsync("Lee Leaving", "city", "reviewer");
        using var anonymous = app.Anonymous();
        // What a browser's WebSocket sends: the token in the query string, on the hub and (mistakenly) elsewhere.
        await anonymous.GetAsync($"/hubs/review?id=abc&access_token={Uri.EscapeDataString(facilitator.Token)}");
        await anonymous.GetAsync($"/api/me?access_token={facilitator.Token}");
        await (await app.ClientFor(facilitator).GetAsync("/api/me")).JsonAsync();
        await using (var hub = await HubClient.ConnectAsync(app.BaseAddress, facilitator, autoReconnect: false))
        {
            await hub.Connection.StopAsync();
        }

        using var guesser = app.Anonymous();
        guesser.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey + "-wrong");
        (await guesser.PostAsJsonAsync("/api/invites", new { name = "X", org = "city", role = "reviewer" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var forged = facilitator with { Token = facilitator.Token[..^4] + "AAAA" };
        (await app.ClientFor(forged).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await app.ClientFor(facilitator).PostJsonAsync($"/api/participants/{leaving.ParticipantId}/revoke", new { });
        (await app.ClientFor(leaving).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var lines = logs.Lines;
        lines.ShouldContain(line => line.Contains("/hubs/review?id=abc&access_token=[redacted]"), "the request lines are in the capture, redacted");
        var secrets = new[] { facilitator.Token, leaving.Token, forged.Token, TestApp.AdminKey,
            facilitator.Token.Split('.')[2], facilitator.Token.Split('.')[1] };
        foreach (var secret in secrets)
        {
            lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }
}
