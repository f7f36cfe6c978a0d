using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceSharing.Domain.Participants;

namespace ServiceSharing.Web.Projections;

/// <summary>Keeps each invited participant as a document beside their stream; times come from the events.</summary>
public partial class ParticipantProjection : SingleStreamProjection<Participant, Guid>
{
    public void Apply(IEvent<ParticipantInvited> @event, Participant participant)
    {
        participant.Apply(@event.Data);
        participant.InvitedAt = @event.Timestamp;
    }

    public void Apply(IEvent<ParticipantRevoked> @event, Participant participant) => participant.Apply(@event.Data, @event.Timestamp);
}
