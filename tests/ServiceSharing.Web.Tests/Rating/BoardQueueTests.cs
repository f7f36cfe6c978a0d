using ServiceSharing.Web.Features.Rating;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Rating;

/// <summary>
/// The group commit's wait for the raters a commit answered (<see cref="BoardRatingQueue.ReturnWait"/>): the writer
/// takes its next batch as soon as they have all rated again, and once the bound has passed when they have not. The
/// clock stands still unless the test moves it, so only what the test does can end a wait.
/// </summary>
public sealed class BoardQueueTests
{
    private static readonly TimeSpan Bound = BoardRatingQueue.ReturnWait;

    [Fact]
    public async Task a_writer_waiting_for_the_raters_it_answered_goes_on_as_soon_as_they_have_all_rated_again()
    {
        var queue = new BoardQueue<int>(Guid.NewGuid());
        // Rated while the commit ran: waits already, and is not one of the two raters the commit answered.
        queue.Enqueue(1);

        var waiting = queue.WaitForMoreAsync(2, BoardRatingQueue.MaxBatch, Bound, new StoppedTime());
        queue.Enqueue(2);
        waiting.IsCompleted.ShouldBeFalse("one of the two raters the commit answered has not rated again");
        queue.Enqueue(3);

        // A guard against a hang, not a measurement: the clock never moves, so only the third rating ends the wait.
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        queue.Take(BoardRatingQueue.MaxBatch).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task a_writer_stops_waiting_once_the_bound_has_passed_though_not_every_rater_came_back()
    {
        var queue = new BoardQueue<int>(Guid.NewGuid());
        var time = new StoppedTime();

        var waiting = queue.WaitForMoreAsync(3, BoardRatingQueue.MaxBatch, Bound, time);
        queue.Enqueue(1);
        time.Pass(Bound - TimeSpan.FromTicks(1));
        waiting.IsCompleted.ShouldBeFalse("two raters are still away, and the bound has not passed");
        time.Pass(TimeSpan.FromTicks(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        queue.Take(BoardRatingQueue.MaxBatch).ShouldBe([1]);
    }

    [Fact]
    public void a_writer_with_a_full_batch_queued_does_not_wait()
    {
        var queue = new BoardQueue<int>(Guid.NewGuid());
        for (var i = 0; i < BoardRatingQueue.MaxBatch; i++)
        {
            queue.Enqueue(i);
        }

        queue.WaitForMoreAsync(8, BoardRatingQueue.MaxBatch, Bound, new StoppedTime()).IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task a_wait_after_one_that_ran_out_counts_from_what_is_queued_when_it_starts()
    {
        var queue = new BoardQueue<int>(Guid.NewGuid());
        var time = new StoppedTime();
        var first = queue.WaitForMoreAsync(1, BoardRatingQueue.MaxBatch, Bound, time);
        time.Pass(Bound);
        await first.WaitAsync(TimeSpan.FromSeconds(30));
        queue.Take(BoardRatingQueue.MaxBatch).ShouldBeEmpty();

        var second = queue.WaitForMoreAsync(2, BoardRatingQueue.MaxBatch, Bound, time);
        queue.Enqueue(1);
        second.IsCompleted.ShouldBeFalse("the second wait needs two ratings of its own, whatever the first one waited for");
        queue.Enqueue(2);
        await second.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
