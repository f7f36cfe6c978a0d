using Marten.Events.Aggregation;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Projections;

/// <summary>Keeps each review session's current state as a document beside its stream; the fold is the domain's.</summary>
public partial class ReviewSessionProjection : SingleStreamProjection<ReviewSession, Guid>
{
    /// <summary>As for assessments: the stream type lets a rebuild read only sessions' events, not every event.</summary>
    public ReviewSessionProjection() => FilterIncomingEventsOnStreamType();

    public void Apply(ISessionEvent @event, ReviewSession session) => session.Evolve(@event);
}
