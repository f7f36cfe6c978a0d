using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// OTLP only when an endpoint is configured: with ServiceSharing:Otlp:Endpoint the app's traces reach a collector (a
/// plain HTTP listener on loopback standing in for one, receiving OTLP over http/protobuf); without it no tracer
/// provider, so no exporter, is registered at all.
/// </summary>
public sealed class OtlpExportTests(SharedApp shared)
{
    [Fact]
    public void without_an_endpoint_no_tracing_and_no_exporter_are_registered()
    {
        shared.App.Services.GetService<TracerProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task with_an_endpoint_traces_are_sent_over_otlp()
    {
        var port = FreePort.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = collector.GetContextAsync();

        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["ServiceSharing:Otlp:Endpoint"] = $"http://127.0.0.1:{port}";
            builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        });
        app.Services.GetService<TracerProvider>().ShouldNotBeNull();
        using var client = app.Anonymous();
        await client.GetAsync("/api/assessment-starts");

        var export = await received.WaitAsync(TimeSpan.FromSeconds(30));
        export.Request.HttpMethod.ShouldBe("POST");
        export.Request.Url!.AbsolutePath.ShouldBeOneOf("/v1/traces", "/v1/metrics");
        export.Request.ContentType.ShouldBe("application/x-protobuf");
        export.Response.StatusCode = 200;
        export.Response.Close();
    }
}
