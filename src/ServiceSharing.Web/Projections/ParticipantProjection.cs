using Marten.Events.Aggregation;
using ServiceSharing.Domain.Participants;

namespace ServiceSharing.Web.Projections;

/// <summary>Keeps each invited participant as a document beside their stream.</summary>
public partial class ParticipantProjection : SingleStreamProjection<Participant, Guid>
{
    public void Apply(ParticipantInvited @event, Participant participant) => participant.Apply(@event);
}
