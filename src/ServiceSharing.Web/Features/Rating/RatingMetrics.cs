using System.Diagnostics.Metrics;
using Marten;
using Marten.Services;
using ServiceSharing.Web.Observability;

namespace ServiceSharing.Web.Features.Rating;

/// <summary>servicesharing.ratings.accepted: ratings committed, counted after their transaction, tagged with where
/// they went ("board", or "round" for a rating in a session round). servicesharing.board.commit.ratings: how many
/// ratings each of the board's group commits carried (its count is the number of commits), which says how much the
/// group commit gathers under load.</summary>
public sealed class RatingMetrics(ServiceMeter meter)
{
    public const string OnBoard = "board";
    public const string InRound = "round";

    private readonly Counter<long> _accepted = meter.Meter.CreateCounter<long>(
        "servicesharing.ratings.accepted", "{rating}", "Ratings accepted and committed.");

    private readonly Histogram<int> _perBoardCommit = meter.Meter.CreateHistogram(
        "servicesharing.board.commit.ratings", "{rating}", "Ratings committed together by one group commit on a board.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64] });

    /// <summary>One group commit on the board, with the ratings it committed.</summary>
    public void CommittedOnBoard(int count)
    {
        Accepted(OnBoard, count);
        _perBoardCommit.Record(count);
    }

    public void Accepted(string place, int count = 1) => _accepted.Add(count, new KeyValuePair<string, object?>("place", place));

    /// <summary>Counts one rating once the session it was appended in commits; nothing if the commit fails.</summary>
    public void AcceptedOnCommit(IDocumentSession session, string place) => session.Listeners.Add(new OnCommit(() => Accepted(place)));

    private sealed class OnCommit(Action committed) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            committed();
            return Task.CompletedTask;
        }
    }
}
