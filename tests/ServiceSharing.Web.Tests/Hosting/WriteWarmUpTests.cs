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
}
