using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServiceSharing.Web.Observability;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// Who may read /metrics. The suite can only call from loopback (every server here listens on 127.0.0.1 only, and the
/// app honours no forwarded addresses), so the rule for a remote caller is exercised on a request whose remote
/// address is set, through the app's own services and guard: the same code the endpoint runs, minus the network.
/// </summary>
public sealed class MetricsAccessTests(SharedApp shared)
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task a_loopback_caller_reads_metrics_without_the_key()
    {
        using var client = shared.App.Anonymous();
        var response = await client.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("# TYPE");
    }

    [Fact]
    public void only_loopback_or_the_admin_key_is_allowed()
    {
        MetricsAccess.IsAllowed(Request(IPAddress.Loopback), TestApp.AdminKey).ShouldBeTrue();
        MetricsAccess.IsAllowed(Request(IPAddress.IPv6Loopback), TestApp.AdminKey).ShouldBeTrue();
        MetricsAccess.IsAllowed(Request(Remote), TestApp.AdminKey).ShouldBeFalse();
        MetricsAccess.IsAllowed(Request(Remote, "wrong-key"), TestApp.AdminKey).ShouldBeFalse();
        MetricsAccess.IsAllowed(Request(Remote, TestApp.AdminKey), TestApp.AdminKey).ShouldBeTrue();
        MetricsAccess.IsAllowed(Request(Remote, ""), adminKey: null).ShouldBeFalse("no key configured lets no remote caller in");
        MetricsAccess.IsAllowed(Request(remote: null), TestApp.AdminKey).ShouldBeFalse();
    }

    [Fact]
    public async Task a_remote_caller_without_the_key_gets_a_401_problem_and_never_the_metrics()
    {
        var request = Request(Remote, "wrong-key");
        var reached = false;
        await MetricsAccess.GuardAsync(request, _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });

        reached.ShouldBeFalse();
        request.Response.StatusCode.ShouldBe(StatusCodes.Status401Unauthorized);
        request.Response.ContentType.ShouldBe("application/problem+json");
        request.Response.Body.Position = 0;
        var problem = JsonNode.Parse(await new StreamReader(request.Response.Body).ReadToEndAsync())!;
        problem["status"]!.GetValue<int>().ShouldBe(401);
        problem["detail"]!.GetValue<string>().ShouldContain("X-Admin-Key");

        var withKey = Request(Remote, TestApp.AdminKey);
        await MetricsAccess.GuardAsync(withKey, _ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        reached.ShouldBeTrue("the admin key lets a remote scraper through");
    }

    private DefaultHttpContext Request(IPAddress? remote, string? adminKey = null)
    {
        var context = new DefaultHttpContext { RequestServices = shared.App.Services };
        context.Connection.RemoteIpAddress = remote;
        context.Request.Path = "/metrics";
        context.Response.Body = new MemoryStream();
        if (adminKey is not null)
        {
            context.Request.Headers["X-Admin-Key"] = adminKey;
        }

        return context;
    }
}
