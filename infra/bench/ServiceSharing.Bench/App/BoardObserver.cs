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
/// so a push that overtakes its HTTP answer is measured right.
/// </summary>
public sealed class BoardObserver : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(long Version, long At)> _arrivals = new();

    private BoardObserver(HubConnection connection)
    {
        _connection = connection;
        _connection.On<BoardChangedVersion>("BoardChanged", m => _arrivals.Enqueue((m.Version, Stopwatch.GetTimestamp())));
    }

    public static async Task<BoardObserver> ConnectAsync(Uri baseUrl, Participant who, Guid assessmentId, Guid? sessionId = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/review"), options =>
            {
                // WebSockets straight away, as browsers end up doing; skipping negotiation saves a request per client.
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(who.Token);
            })
            .Build();
        var observer = new BoardObserver(connection);
        await connection.StartAsync();
        await connection.InvokeAsync<long>("JoinAssessment", assessmentId);
        if (sessionId is { } session)
        {
            await connection.InvokeAsync<long>("JoinSession", session);
        }

        return observer;
    }

    public static async Task<IReadOnlyList<BoardObserver>> ConnectManyAsync(Uri baseUrl, IReadOnlyList<Participant> who, Func<int, (Guid Assessment, Guid? Session)> joins)
    {
        var observers = new BoardObserver[who.Count];
        await Parallel.ForAsync(0, who.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var (assessment, session) = joins(i);
            observers[i] = await ConnectAsync(baseUrl, who[i], assessment, session);
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

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
