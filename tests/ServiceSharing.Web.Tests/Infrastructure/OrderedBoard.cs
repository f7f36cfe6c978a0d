using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// A hub client's board as the web app keeps it (wwwroot/js/live.js): BoardChanged pushes applied in version order,
/// each version once. A push ahead of the next version waits up to <see cref="GapPatience"/> for the ones before it
/// (with several nodes they may come from another node a moment later); a version still missing then is read from
/// GET /history?since=, and counted, so a test can tell normal operation (no history read) from a real gap.
/// </summary>
public sealed class OrderedBoard : IDisposable
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(1);

    private readonly HubClient _hub;
    private readonly Guid _assessmentId;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SortedDictionary<long, JsonNode> _ahead = [];
    private readonly List<(long Version, string From)> _applied = [];
    private bool _gapTimerArmed;

    private OrderedBoard(HubClient hub, Guid assessmentId, long version, Uri historyBase)
    {
        _hub = hub;
        _assessmentId = assessmentId;
        Version = version;
        _http = new HttpClient { BaseAddress = historyBase, Timeout = TimeSpan.FromSeconds(120) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hub.Invite.Token);
        hub.Arrived += OnArrived;
    }

    public long Version { get; private set; }
    public int HistoryReads { get; private set; }

    /// <summary>Every version applied, in the order applied, and whether it came from a push or from history.</summary>
    public IReadOnlyList<(long Version, string From)> Applied
    {
        get
        {
            lock (_applied)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>Starts from the version the join answered; history is read through <paramref name="historyBase"/>.</summary>
    public static OrderedBoard Follow(HubClient hub, Guid assessmentId, long joinedAt, Uri historyBase) =>
        new(hub, assessmentId, joinedAt, historyBase);

    /// <summary>After a reconnect: what was missed comes from history (as the web app does after every reconnect).</summary>
    public async Task CatchUpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await ReadHistoryAsync();
            ApplyWaiting();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WaitForVersionAsync(long version, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Version < version)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"waited {seconds}s for version {version}; applied up to {Version}: " +
                                                string.Join(", ", Applied.Select(a => $"{a.Version}({a.From})")));
            }

            await Task.Delay(20);
        }
    }

    private void OnArrived(HubMessage message)
    {
        if (message.Name == "BoardChanged" && message.Body["assessmentId"]!.GetValue<Guid>() == _assessmentId)
        {
            _ = ApplyPushAsync(message.Body);
        }
    }

    private async Task ApplyPushAsync(JsonNode push)
    {
        await _gate.WaitAsync();
        try
        {
            if (push.Version() > Version)
            {
                _ahead[push.Version()] = push;
                ApplyWaiting();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ApplyWaiting()
    {
        foreach (var known in _ahead.Keys.Where(v => v <= Version).ToList())
        {
            _ahead.Remove(known);
        }

        while (_ahead.Remove(Version + 1, out _))
        {
            Record(Version + 1, "push");
        }

        if (_ahead.Count > 0 && !_gapTimerArmed)
        {
            _gapTimerArmed = true;
            _ = FillGapLaterAsync();
        }
    }

    private async Task FillGapLaterAsync()
    {
        await Task.Delay(GapPatience);
        await _gate.WaitAsync();
        try
        {
            _gapTimerArmed = false;
            if (_ahead.Count > 0)
            {
                await ReadHistoryAsync();
                ApplyWaiting();
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ShouldAssertException)
        {
            // The node behind the proxy went away mid-read: wait and read again.
            ApplyWaiting();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReadHistoryAsync()
    {
        HistoryReads++;
        var missed = (await _http.GetJsonAsync($"/api/assessments/{_assessmentId}/history?since={Version}")).AsArray();
        foreach (var version in missed.Select(e => e!.Version()).Where(v => v > Version).Order())
        {
            Record(version, "history");
        }
    }

    private void Record(long version, string from)
    {
        Version = version;
        lock (_applied)
        {
            _applied.Add((version, from));
        }
    }

    public void Dispose()
    {
        _hub.Arrived -= OnArrived;
        _http.Dispose();
        _gate.Dispose();
    }
}
