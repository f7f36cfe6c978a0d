using System.Threading.Channels;
using Marten;
using Marten.Services;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// The one place committed events enter the push path: after each Marten commit, its events go, in stream-version
/// order, to the dispatcher. A rejected command commits nothing, so it pushes nothing.
/// </summary>
public sealed class CommittedEventsListener : DocumentSessionListenerBase
{
    private readonly Channel<CommittedEvent> _channel = Channel.CreateUnbounded<CommittedEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CommittedEvent> Committed => _channel.Reader;

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var stream in commit.GetStreams())
        {
            for (var i = 0; i < stream.Events.Count; i++)
            {
                var e = stream.Events[i];
                // Quick appends number events on the server; the version the stream was locked at numbers them here.
                var version = e.Version > 0 ? e.Version : stream.ExpectedVersionOnServer.GetValueOrDefault() + i + 1;
                _channel.Writer.TryWrite(new CommittedEvent(stream.Id, version, e));
            }
        }

        return Task.CompletedTask;
    }
}
