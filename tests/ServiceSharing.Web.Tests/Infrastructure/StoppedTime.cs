namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>A clock that stands still until the test moves it: its timers fire only when <see cref="Pass"/> takes
/// the clock past their time. Each timer fires once (Task.Delay's are one-shot).</summary>
internal sealed class StoppedTime : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<StoppedTimer> _timers = [];
    private TimeSpan _now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StoppedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Pass(TimeSpan span)
    {
        List<StoppedTimer> due;
        lock (_gate)
        {
            _now += span;
            due = _timers.Where(t => t.Due <= _now).ToList();
            _timers.RemoveAll(due.Contains);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Schedule(StoppedTimer timer, TimeSpan? after)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (after is { } delay && delay != Timeout.InfiniteTimeSpan)
            {
                timer.Due = _now + delay;
                _timers.Add(timer);
            }
        }
    }

    private sealed class StoppedTimer(StoppedTime time, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan Due { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            time.Schedule(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => time.Schedule(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
