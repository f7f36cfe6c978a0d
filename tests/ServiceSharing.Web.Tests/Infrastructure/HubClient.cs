using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Tests.Infrastructure;

public sealed record HubMessage(string Name, JsonNode Body);

/// <summary>A real SignalR .NET client of the review hub that records every message it receives, in order.</summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly string[] MessageNames =
        ["BoardChanged", "PresenceChanged", "RoundOpened", "RatingSubmitted", "RoundRevealed", "RoundChanged", "RoundClosed", "SessionClosed", "CalibrationChanged"];

    private readonly ConcurrentQueue<HubMessage> _received = new();

    private HubClient(HubConnection connection, InviteIssued invite)
    {
        Connection = connection;
        Invite = invite;
        foreach (var name in MessageNames)
        {
            connection.On<JsonElement>(name, body =>
            {
                var message = new HubMessage(name, JsonNode.Parse(body.GetRawText())!);
                _received.Enqueue(message);
                Arrived?.Invoke(message);
            });
        }
    }

    /// <summary>Each message as it arrives, after it is recorded.</summary>
    public event Action<HubMessage>? Arrived;

    public HubConnection Connection { get; }
    public InviteIssued Invite { get; }
    public IReadOnlyList<HubMessage> Received => [.. _received];

    /// <param name="configure">e.g. a cookie that pins the client to one node behind the proxy.</param>
    public static async Task<HubClient> ConnectAsync(Uri baseAddress, InviteIssued invite, bool autoReconnect = true,
        Action<Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions>? configure = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/review"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(invite.Token);
                configure?.Invoke(options);
            });
        if (autoReconnect)
        {
            builder.WithAutomaticReconnect(new RetryUntilBack());
        }

        var client = new HubClient(builder.Build(), invite);
        await client.Connection.StartAsync();
        return client;
    }

    public Task<long> JoinAssessmentAsync(Guid assessmentId) => Connection.InvokeAsync<long>("JoinAssessment", assessmentId);

    public Task<long> JoinSessionAsync(Guid sessionId) => Connection.InvokeAsync<long>("JoinSession", sessionId);

    public IReadOnlyList<JsonNode> Messages(string name) => Received.Where(m => m.Name == name).Select(m => m.Body).ToList();

    /// <summary>Waits until the received messages satisfy the condition; fails the test with what arrived otherwise.</summary>
    public async Task<IReadOnlyList<HubMessage>> WaitUntilAsync(Func<IReadOnlyList<HubMessage>, bool> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var received = Received;
            if (condition(received))
            {
                return received;
            }

            await Task.Delay(20);
        }

        throw new ShouldAssertException($"{Invite.ParticipantId}: waited {seconds}s for {what}; received: " +
                                        string.Join(", ", Received.Select(m => $"{m.Name}{m.Body.ToJsonString()}")));
    }

    public Task<IReadOnlyList<HubMessage>> WaitForAsync(string name, int count = 1) =>
        WaitUntilAsync(r => r.Count(m => m.Name == name) >= count, $"{count} {name}");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>
/// Reconnects the way the web app does: quickly at first, then every second, for as long as a test lets it. A fixed
/// schedule gives up after a few seconds, which a restart on a loaded machine can outlast.
/// </summary>
internal sealed class RetryUntilBack : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, retryContext.PreviousRetryCount), 1000));
}
