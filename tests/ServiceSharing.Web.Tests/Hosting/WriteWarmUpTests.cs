using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Persistence.Chain;
using ServiceSharing.Web.Projections;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

/// <summary>The start takes a rating's write path once, and leaves nothing of it behind.</summary>
public sealed class WriteWarmUpTests
{
    [Fact]
    public async Task the_warm_up_rates_once_and_rolls_everything_back()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["Logging:LogLevel:ServiceSharing.Web.Persistence.WriteWarmUp"] = "Debug";
            builder.Logging.AddProvider(logs);
        });

        var warmUp = app.Services.GetServices<IHostedService>().OfType<WriteWarmUp>().Single();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        logs.Lines.ShouldContain(line => line.Contains("Warmed the rating path"));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await session.Query<Assessment>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await session.Query<HistoryRecord>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await session.Query<AuditLink>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    /// <summary>With traces exported, everything listens to Marten's source: the warm-up's session over a transaction
    /// of its own must still begin, write and roll back (it failed when Marten traced connections).</summary>
    [Fact]
    public async Task the_warm_up_still_warms_while_traces_are_exported()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            // No collector listens there: the exporter's failures are its own and are dropped.
            builder.Configuration["ServiceSharing:Otlp:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}";
            builder.Configuration["Logging:LogLevel:ServiceSharing.Web.Persistence.WriteWarmUp"] = "Debug";
            builder.Logging.AddProvider(logs);
        });

        var warmUp = app.Services.GetServices<IHostedService>().OfType<WriteWarmUp>().Single();
        await warmUp.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        logs.Lines.ShouldNotContain(line => line.Contains("Could not warm the rating path"));
        logs.Lines.ShouldContain(line => line.Contains("Warmed the rating path"));
    }
}
