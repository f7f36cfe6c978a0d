namespace ServiceSharing.Web.Features.Rating;

/// <summary>One assessment's waiting ratings for <see cref="BoardRatingQueue"/>, and whether a writer is at work on them.
/// Everything is decided under one lock, so no rating is ever left waiting without a writer.</summary>
internal sealed class BoardQueue<T>(Guid assessmentId)
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _waiting = new();
    private bool _leading;
    private TaskCompletionSource? _enough;
    private int _enoughAt;

    public Guid AssessmentId { get; } = assessmentId;

    public void Enqueue(T item)
    {
        lock (_gate)
        {
            _waiting.Enqueue(item);
            if (_enough is { } enough && _waiting.Count >= _enoughAt)
            {
                _enough = null;
                // Its continuations run asynchronously: the writer never resumes inside this lock or on this request.
                enough.TrySetResult();
            }
        }
    }

    public bool TryLead()
    {
        lock (_gate)
        {
            if (_leading)
            {
                return false;
            }

            _leading = true;
            return true;
        }
    }

    public List<T> Take(int max)
    {
        lock (_gate)
        {
            var batch = new List<T>(Math.Min(max, _waiting.Count));
            while (batch.Count < max && _waiting.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            return batch;
        }
    }

    /// <summary>Stops writing unless an item arrived since the last batch.</summary>
    public bool KeepLeadingIfQueued()
    {
        lock (_gate)
        {
            _leading = _waiting.Count > 0;
            return _leading;
        }
    }

    /// <summary>Returns once <paramref name="more"/> items beyond those queued now have arrived (a full batch of
    /// <paramref name="max"/> at most), or once <paramref name="bound"/> has passed on <paramref name="time"/>.</summary>
    public async Task WaitForMoreAsync(int more, int max, TimeSpan bound, TimeProvider time)
    {
        Task arrived;
        lock (_gate)
        {
            _enoughAt = Math.Min(max, _waiting.Count + more);
            if (_waiting.Count >= _enoughAt)
            {
                return;
            }

            _enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            arrived = _enough.Task;
        }

        using var timer = new CancellationTokenSource();
        await Task.WhenAny(arrived, Task.Delay(bound, time, timer.Token));
        // Frees the delay's timer when the items came first; in place, as awaiting CancelAsync would add a hop to the
        // thread pool on the writer's path for every commit.
        timer.Cancel();
        lock (_gate)
        {
            _enough = null;
        }
    }
}
