using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Persistence;

namespace ServiceSharing.Web.Seed;

/// <summary>On an empty store, writes the study as events dated as the study dates them. A restart writes nothing:
/// the study's stream has a fixed id, so its existence is the "already loaded" mark.</summary>
public sealed class StudySeeder(IDocumentStore store, IOptions<ServiceSharingOptions> options, ILogger<StudySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedStudy)
        {
            return;
        }

        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(MilwaukeeStudy.AssessmentId, cancellationToken) is not null)
        {
            return;
        }

        session.Stamp(MilwaukeeStudy.Facilitator);
        session.CorrelationId = "seed:partnering-up";
        var study = MilwaukeeStudy.Events();
        var stream = session.Events.StartStream<Assessment>(MilwaukeeStudy.AssessmentId, study.Select(e => e.Event).ToArray());
        for (var i = 0; i < study.Count; i++)
        {
            // Dated as the study dates them, so replay "as of" a day of 2023 shows that day's board.
            stream.Events[i].Timestamp = study[i].At.ToUniversalTime();
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Loaded the study '{Title}' as {Count} events.", MilwaukeeStudy.Title, study.Count);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Another instance loaded it first; that is the outcome we wanted.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
