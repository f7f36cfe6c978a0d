using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ServiceSharing.Bench.App;

/// <summary>Only what latency needs of a BoardChanged push; the rest of the payload is skipped when reading.</summary>
public sealed record BoardChangedVersion(Guid AssessmentId, long Version);

/// <summary>
/// A real SignalR client of the review hub, as a workshop screen is: it joins a board (and a session, if given) and
/// notes the moment each BoardChanged arrives, by version. Arrivals are matched to the ratings' send times afterwards,
/// so a push that overtakes its HTTP answer is measured right. When its connection drops (a node died) it reconnects
/// on the web app's schedule (js/live.js) and joins its board and session again, as the page does.
/// </summary>
public sealed class BoardObserver : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(long Version, long At)> _arrivals = new();
    private long _reconnectedAt;

    private BoardObserver(HubConnection connection, Guid assessmentId, Guid? sessionId)
    {
        _connection = connection;
        _connection.On<BoardChangedVersion>("BoardChanged", m => _arrivals.Enqueue((m.Version, Stopwatch.GetTimestamp())));
        _connection.Reconnected += async _ =>
        {
            Interlocked.Exchange(ref _reconnectedAt, Stopwatch.GetTimestamp());
            // A node that has just taken many screens over may refuse a join for a moment: the page tries again each
            // second while it stays connected (js/live.js, rejoinOrRetry).
            while (true)
            {
                try
                {
                    await JoinAsync(assessmentId, sessionId);
                    return;
                }
                catch (Exception) when (_connection.State == HubConnectionState.Connected)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        };
    }

    /// <summary>When the connection last came back after a drop (a Stopwatch timestamp), or null if it never dropped.</summary>
    public long? ReconnectedAt => Interlocked.Read(ref _reconnectedAt) is var at and not 0 ? at : null;

    /// <param name="via">Where to connect: the app, or the cluster's proxy with a node's cookie.</param>
    public static async Task<BoardObserver> ConnectAsync(AppClient via, Participant who, Guid assessmentId, Guid? sessionId = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(via.BaseUrl, "/hubs/review"), options =>
            {
                // WebSockets straight away, as browsers end up doing; skipping negotiation saves a request per client.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(who.Token);
                options.Cookies = AppClient.CookiesFor(via.BaseUrl, via.NodeCookie);
            })
            .WithAutomaticReconnect(new WorkshopScreenRetry())
            .Build();
        var observer = new BoardObserver(connection, assessmentId, sessionId);
        await connection.StartAsync();
        await observer.JoinAsync(assessmentId, sessionId);
        return observer;
    }

    private async Task JoinAsync(Guid assessmentId, Guid? sessionId)
    {
        await _connection.InvokeAsync<long>("JoinAssessment", assessmentId);
        if (sessionId is { } session)
        {
            await _connection.InvokeAsync<long>("JoinSession", session);
        }
    }

    public static async Task<IReadOnlyList<BoardObserver>> ConnectManyAsync(Func<int, AppClient> via, IReadOnlyList<Participant> who, Func<int, (Guid Assessment, Guid? Session)> joins)
    {
        var observers = new BoardObserver[who.Count];
        await Parallel.ForAsync(0, who.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var (assessment, session) = joins(i);
            observers[i] = await ConnectAsync(via(i), who[i], assessment, session);
        });
        return observers;
    }

    /// <summary>Takes what arrived so far and starts afresh.</summary>
    public IReadOnlyList<(long Version, long At)> Drain()
    {
        var taken = new List<(long, long)>();
        while (_arrivals.TryDequeue(out var arrival))
        {
            taken.Add(arrival);
        }

        return taken;
    }

    /// <summary>The first push that arrived after the moment given (a Stopwatch timestamp), without taking any.</summary>
    public long? FirstArrivalAfter(long moment) =>
        _arrivals.Where(a => a.At > moment).Select(a => (long?)a.At).FirstOrDefault();

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>js/live.js's retryForever: 0.5 s, 1 s, 2 s, 4 s, then every 5 s, for as long as it takes.</summary>
    private sealed class WorkshopScreenRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, retryContext.PreviousRetryCount), 5000));
    }
}
