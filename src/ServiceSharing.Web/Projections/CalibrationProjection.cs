using JasperFx.Events;
using Marten.Events.Aggregation;
using ServiceSharing.Domain.Calibrations;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// Keeps each calibration round as a document beside its own stream. The round's rules live in the domain
/// (CalibrationRound); opening and revealing take their time from the event's metadata, never from the clock.
/// </summary>
public partial class CalibrationProjection : SingleStreamProjection<CalibrationRound, Guid>
{
    public void Apply(IEvent<CalibrationOpened> @event, CalibrationRound round) => round.Apply(@event.Data, @event.Timestamp);

    public void Apply(CalibrationRated @event, CalibrationRound round) => round.Apply(@event);

    public void Apply(IEvent<CalibrationRevealed> @event, CalibrationRound round) => round.Apply(@event.Data, @event.Timestamp);
}
