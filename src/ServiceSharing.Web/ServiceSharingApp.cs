using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using Scalar.AspNetCore;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Compression;
using ServiceSharing.Web.Health;
using ServiceSharing.Web.Idempotency;
using ServiceSharing.Web.Observability;
using ServiceSharing.Web.OpenApi;
using ServiceSharing.Web.Outage;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Problems;
using ServiceSharing.Web.Realtime;
using ServiceSharing.Web.Security;
using ServiceSharing.Web.Seed;
using Wolverine;
using Wolverine.Http;

namespace ServiceSharing.Web;

/// <summary>Wires the host: Marten, Wolverine, auth, OpenAPI. Tests build the same app on a loopback port.</summary>
public static class ServiceSharingApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application name pins content and static files to this assembly, also when tests are the entry assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ServiceSharingApp).Assembly.GetName().Name
        });
        configure?.Invoke(builder);
        builder.AddServiceLogging();
        var node = HubNode.Start();

        builder.Services.Configure<ServiceSharingOptions>(builder.Configuration.GetSection(ServiceSharingOptions.Section));
        builder.Services.AddEventStore(builder.Configuration);
        builder.Services.AddParticipantAuthentication();
        builder.Services.AddRequestRateLimits();
        builder.Services.AddSecretRedaction();
        builder.Services.AddSingleton(TimeProvider.System);
        // Registered before AddProblemDetails so it is the writer every problem goes through (Problems/ProblemWriter).
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddCompressedAnswers();
        builder.Services.AddSingleton<MalformedRouteIds>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocument>();
            o.AddOperationTransformer<OperationConventions>();
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddHostedService<StudySeeder>();
        // Started after the seeding (hosted services start in order), it goes on while the server listens.
        builder.Services.AddHostedService<Persistence.WriteWarmUp>();
        // Enums travel by name on the hub and in the API alike ("Yes", "similarity"), never as numbers.
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = ReviewHub.MaximumMessageBytes)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddRedisBackplaneWhenConfigured(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<CommittedEventsListener>();
        builder.Services.AddSingleton(node);
        builder.Services.AddServiceTelemetry(builder.Configuration, node);
        builder.Services.AddSingleton<PushMetrics>();
        builder.Services.AddSingleton<Features.Rating.RatingMetrics>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<PresenceLedger>();
        builder.Services.AddHostedService<PresenceHeartbeat>();
        builder.Services.AddSingleton<SessionPushes>();
        builder.Services.AddSingleton<CalibrationPushes>();
        builder.Services.AddSingleton<Features.Rating.BoardRatingQueue>();
        builder.Services.AddSingleton<Features.Archive.ArchiveImport>();
        builder.Services.AddHostedService<PushDispatcher>();
        builder.Services.AddServiceHealthChecks();
        builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
        builder.Services.AddHostedService<IdempotencyKeyExpiry>();

        builder.Host.UseWolverine(opts =>
        {
            // Tests are the entry assembly under xunit.v3; endpoints and handlers live here.
            opts.ApplicationAssembly = typeof(ServiceSharingApp).Assembly;
            // Handlers and endpoints load the code infra/codegen.sh generated into Internal/Generated; one it does not
            // hold yet (an endpoint added since) is compiled at its first request, as before, never a silent 404.
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            opts.CodeGeneration.SourceCodeWritingEnabled = false;
            opts.UseRuntimeCompilation();
            opts.Policies.AutoApplyTransactions();
        });

        var app = builder.Build();

        app.UseMiddleware<CorrelationScope>();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCompressedAnswers();
        app.UseAuthentication();
        // After authentication, so writes are counted per participant and only the unauthenticated per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<MalformedRouteIds>();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs");
        app.MapServiceHealthChecks();
        app.MapServiceMetrics();
        app.MapHub<ReviewHub>(ReviewHub.Path);
        app.MapWolverineEndpoints(opts =>
        {
            opts.RejectUnparseableQueryValues = true;
            opts.RequireAuthorizeOnAll();
            opts.AddMiddleware(typeof(ActorStamping));
            opts.AddPolicy<IdempotencyRecordingPolicy>();
        });

        return app;
    }
}
