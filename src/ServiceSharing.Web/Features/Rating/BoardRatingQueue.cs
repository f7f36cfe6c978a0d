using System.Collections.Concurrent;
using Marten;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Idempotency;
using ServiceSharing.Web.Persistence;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Rating;

/// <summary>
/// Group commit for ratings on the board (not in a round). Ratings of one assessment are serialized by its stream
/// lock, so while one transaction holds it the next ones would only wait; instead they queue here, and one writer
/// takes the lock once for all of them, checks each in arrival order against the version the stream has reached
/// (a stale expectedVersion is a 409 for that rating alone, and nothing of it is written), appends each as its own
/// event stamped with its own actor and correlation id, and commits them together. Every rating still gets its
/// own version and its own push; raters without expectedVersion still never fail for concurrency. A rating sent
/// with an Idempotency-Key has its key stored in that same transaction; one whose key was already stored (by a
/// commit this writer could not see coming, from another node) answers its first answer and writes nothing.
/// </summary>
public sealed class BoardRatingQueue(
    IDocumentStore store, IOptions<JsonOptions> json, TimeProvider clock, RatingMetrics ratings, ILogger<BoardRatingQueue> logger)
{
    /// <summary>Enough to drain a workshop's burst in one commit, small enough to keep one transaction short.</summary>
    public const int MaxBatch = 64;

    /// <summary>How long a writer waits, after a commit that answered several ratings, for those raters' next ratings
    /// before it takes the next batch. Raters answered by one commit rate again while the next commit, already taken,
    /// runs: without the wait, commits alternate between halves of the raters (8 raters, 4-5 ratings a commit; with it
    /// 7-8; docs/performance.md, sections 27 and 28). A board rated one rating at a time never waits, and a rater who
    /// does not come back costs the ratings that wait at most this.</summary>
    public static readonly TimeSpan ReturnWait = TimeSpan.FromMilliseconds(1);

    private readonly ConcurrentDictionary<Guid, BoardQueue<PendingRating>> _boards = new();

    public async Task<IResult> RateAsync(Guid assessmentId, RateFactor command, Actor actor, string correlationId, IdempotencyClaim? claim)
    {
        var pending = new PendingRating(command, actor, correlationId, claim);
        var board = _boards.GetOrAdd(assessmentId, id => new BoardQueue<PendingRating>(id));
        board.Enqueue(pending);
        if (board.TryLead())
        {
            // The writer runs on its own: no request waits for more than its own batch.
            _ = Task.Run(() => WriteWhileQueuedAsync(board));
        }

        return await pending.Outcome.Task;
    }

    private async Task WriteWhileQueuedAsync(BoardQueue<PendingRating> board)
    {
        do
        {
            while (board.Take(MaxBatch) is { Count: > 0 } batch)
            {
                await WriteAsync(board.AssessmentId, batch);
                if (batch.Count > 1)
                {
                    await board.WaitForMoreAsync(batch.Count, MaxBatch, ReturnWait, clock);
                }
            }
        }
        while (board.KeepLeadingIfQueued());
    }

    private async Task WriteAsync(Guid assessmentId, IReadOnlyList<PendingRating> batch)
    {
        try
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForExclusiveWriting<Assessment>(assessmentId);
            if (stream.Aggregate is not { } assessment)
            {
                foreach (var pending in batch)
                {
                    pending.Refuse(Refusals.NotFound("No such assessment."));
                }

                return;
            }

            var version = assessment.Version;
            var accepted = new List<(PendingRating Rating, long Version)>();
            var answered = await AnsweredBeforeAsync(session, batch);
            foreach (var pending in batch)
            {
                if (pending.Claim is { } claim && answered.TryGetValue(claim.Id, out var first))
                {
                    pending.Answer(IdempotencyMiddleware.AnswerAgain(first, claim));
                    continue;
                }

                var problem = AssessmentPreconditions.Check(assessment, version, pending.Command.ExpectedVersion, pending.Command.AreaId);
                if (!ReferenceEquals(problem, WolverineContinue.NoProblems))
                {
                    pending.Refuse(problem);
                    continue;
                }

                var (_, onBoard) = RateFactorEndpoint.Decide(pending.Command, pending.Actor, round: null, onBehalfOf: null);
                // Appended as the object it is, so Marten records its own type (not the interface); then stamped.
                stream.AppendOne(onBoard!);
                stream.Events[^1].StampedBy(pending.Actor, pending.CorrelationId);
                accepted.Add((pending, ++version));
                pending.Claim?.StoreWith(session, Answer(version), clock.GetUtcNow());
            }

            if (accepted.Count > 0)
            {
                await session.SaveChangesAsync();
                ratings.CommittedOnBoard(accepted.Count);
            }

            foreach (var (rating, at) in accepted)
            {
                rating.Accept(at);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not write {Count} ratings of assessment {Assessment}.", batch.Count, assessmentId);
            foreach (var pending in batch)
            {
                pending.Fail(e);
            }
        }
    }

    /// <summary>Keys of this batch already stored: read under the stream's lock, which every rating of the board takes.</summary>
    private static async Task<Dictionary<string, IdempotentRequest>> AnsweredBeforeAsync(IDocumentSession session, IReadOnlyList<PendingRating> batch)
    {
        var keys = batch.Where(p => p.Claim is not null).Select(p => p.Claim!.Id).ToArray();
        return keys.Length == 0 ? [] : (await session.LoadManyAsync<IdempotentRequest>(keys)).ToDictionary(r => r.Id);
    }

    /// <summary>The answer a rating gets, as its key keeps it.</summary>
    private IdempotentAnswer Answer(long version) => IdempotentAnswer.Of(Results.Ok(new WriteAccepted(version)), json.Value.SerializerOptions);

    private sealed record PendingRating(RateFactor Command, Actor Actor, string CorrelationId, IdempotencyClaim? Claim)
    {
        public TaskCompletionSource<IResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Accept(long version) => Outcome.TrySetResult(Results.Ok(new WriteAccepted(version)));

        public void Answer(IResult answer) => Outcome.TrySetResult(answer);

        public void Refuse(ProblemDetails problem) => Outcome.TrySetResult(Results.Problem(problem));

        public void Fail(Exception e) => Outcome.TrySetException(e);
    }
}
