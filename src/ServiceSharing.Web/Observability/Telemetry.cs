using JasperFx.OpenTelemetry;
using Marten;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ServiceSharing.Web.Realtime;

namespace ServiceSharing.Web.Observability;

/// <summary>
/// OpenTelemetry for the whole stack. The libraries already emit: ASP.NET Core (requests, Kestrel, SignalR, rate
/// limiting), Npgsql ("Npgsql" source and meter, built into Npgsql), Marten ("Marten"), Wolverine ("Wolverine" source,
/// "Wolverine:{service}" meter) and ours (<see cref="ServiceMeter"/>). Metrics are always collected for the Prometheus
/// text at /metrics; traces and metrics go over OTLP only when an endpoint is configured (the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT, or ServiceSharing:Otlp:Endpoint), otherwise no exporter and no tracing are registered.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "ServiceSharing";
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointSetting = "ServiceSharing:Otlp:Endpoint";
    public const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] LibrarySources = ["Npgsql", "Marten", "Wolverine", "Microsoft.AspNetCore.SignalR.Server"];
    private static readonly string[] LibraryMeters = ["Npgsql", "Marten", "Wolverine:*", "Microsoft.AspNetCore.*", "System.Net.Http"];

    public static IServiceCollection AddServiceTelemetry(this IServiceCollection services, IConfiguration configuration, HubNode node)
    {
        services.AddSingleton<ServiceMeter>();
        // Marten counts appended events only when asked. Its connection activities stay off: while anything listens to
        // its source, it wraps each session's connection in a tracing one that cannot begin a transaction over a
        // transaction of ours (SessionOptions.ForTransaction), so the warm-up and the archive import's chain seal
        // failed. Npgsql's own source still traces every command.
        services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.None;
            opts.OpenTelemetry.TrackEventCounters();
        });

        var otlp = OtlpEndpoint(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: node.Id.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ServiceMeter.Name).AddMeter(LibraryMeters).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Point(o, otlp, "v1/metrics"));
                }
            });

        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(LibrarySources)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => Point(o, otlp, "v1/traces")));
        }

        return services;
    }

    /// <summary>/metrics as Prometheus text, behind <see cref="MetricsAccess"/>; an operational endpoint like /health,
    /// so it stays out of the API description.</summary>
    public static void MapServiceMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(MetricsAccess.GuardAsync), optionsName: null)
            .ExcludeFromDescription();

    /// <summary>Our setting first, then the standard variable; null when neither is set.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration) =>
        new[] { configuration[OtlpEndpointSetting], configuration[StandardOtlpEndpoint] }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value)) is { } endpoint ? new Uri(endpoint) : null;

    /// <summary>The exporter reads the standard variables itself (protocol, headers, and the signal's path for
    /// http/protobuf); an endpoint given only as our setting is put in the same shape.</summary>
    private static void Point(OtlpExporterOptions options, Uri endpoint, string signalPath) =>
        options.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/" + signalPath)
            : endpoint;
}
