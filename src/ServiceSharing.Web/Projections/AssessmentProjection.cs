using Marten.Events.Aggregation;
using ServiceSharing.Domain.Assessments;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// Keeps each assessment's current board as a document in the same transaction as its events, and is the
/// fold Marten uses to rebuild a board live at an earlier version or time. The rules of the fold live in the
/// domain (Assessment.Evolve); this class only hands Marten's source generator one typed entry point.
/// </summary>
public partial class AssessmentProjection : SingleStreamProjection<Assessment, Guid>
{
    /// <summary>Applies take the events by their interface, which Marten cannot turn into a list of event types; the
    /// stream type (every assessment stream is started as one) lets a rebuild read only assessments' events.</summary>
    public AssessmentProjection() => FilterIncomingEventsOnStreamType();

    public void Apply(IAssessmentEvent @event, Assessment assessment) => assessment.Evolve(@event);
}
