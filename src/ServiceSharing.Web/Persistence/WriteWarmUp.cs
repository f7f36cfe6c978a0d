using System.Diagnostics;
using Marten;
using SessionOptions = Marten.Services.SessionOptions;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Realtime;

namespace ServiceSharing.Web.Persistence;

/// <summary>
/// Takes a board rating's write path once as the app starts, in a transaction it then rolls back: the stream's lock and
/// load, the append, the inline projections (history records, checkpoints, the board), the audit chain and Npgsql's
/// statements run and are compiled, so the first reviewer's rating does not pay for it (issue 12, target 5). It runs
/// beside the start instead of before it: held first, it delayed listening by more than it saved the first rating.
/// Nothing stays: no event, no document, no push (its session has no push listener). A database that is not up yet
/// only leaves the first rating cold.
/// </summary>
public sealed class WriteWarmUp(IDocumentStore store, ILogger<WriteWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false)))
            {
                foreach (var pushes in session.Listeners.OfType<CommittedEventsListener>().ToList())
                {
                    session.Listeners.Remove(pushes);
                }

                await RateOnceAsync(session, cancellationToken);
            }

            await transaction.RollbackAsync(cancellationToken);
            logger.LogDebug("Warmed the rating path in {Elapsed} ms.", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting: nothing to warm for.
        }
        catch (Exception e)
        {
            // Whatever went wrong (the database down, or going down meanwhile), a failed warm-up must not stop the app,
            // which is what an exception leaving a BackgroundService does.
            logger.LogWarning("Could not warm the rating path ({Reason}); the first rating will take longer.", e.Message);
        }
    }

    /// <summary>What BoardRatingQueue does for a rating, on an assessment that exists only in this transaction.</summary>
    private static async Task RateOnceAsync(IDocumentSession session, CancellationToken cancellation)
    {
        var (assessmentId, areaId) = (Guid.NewGuid(), Guid.NewGuid());
        session.Events.StartStream<Assessment>(assessmentId,
            new AssessmentCreated(assessmentId, "Warm-up", AssessmentRubric.Default), new FunctionalAreaAdded(areaId, "Warm-up"));
        await session.SaveChangesAsync(cancellation);

        var stream = await session.Events.FetchForExclusiveWriting<Assessment>(assessmentId, cancellation);
        stream.AppendOne(new FactorRated(areaId, Factor.Similarity, 3, null, Guid.NewGuid(), Org.City));
        await session.SaveChangesAsync(cancellation);
    }
}
