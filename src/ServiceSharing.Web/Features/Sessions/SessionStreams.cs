using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Features.Sessions;

/// <summary>
/// The two streams a session command writes, both locked for the transaction. Every writer locks the assessment
/// before the session, so two writers never wait on each other in a circle.
/// Endpoints take it as <c>[NotBody]</c>: Wolverine picks the request body from an endpoint's own parameters before
/// it sees the LoadAsync that provides this, and would otherwise read (and document) it from the request.
/// </summary>
public sealed record SessionStreams(IEventStream<Assessment> Assessment, IEventStream<ReviewSession> Session)
{
    public ReviewSession State => Session.Aggregate!;

    public static async Task<SessionStreams?> LockAsync(IDocumentSession session, Guid sessionId, CancellationToken cancellation)
    {
        var known = await session.LoadAsync<ReviewSession>(sessionId, cancellation);
        if (known is null)
        {
            return null;
        }

        var assessment = await session.Events.FetchForExclusiveWriting<Assessment>(known.AssessmentId, cancellation);
        var review = await session.Events.FetchForExclusiveWriting<ReviewSession>(sessionId, cancellation);
        return new SessionStreams(assessment, review);
    }

    /// <summary>The assessment version once this command's events are committed.</summary>
    public long AssessmentVersionAfter(int appended) => Assessment.Aggregate!.Version + appended;
}
