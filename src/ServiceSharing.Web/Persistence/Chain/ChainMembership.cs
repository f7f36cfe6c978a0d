using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>Which assessment's chain a stream's events belong to: the assessment's own stream, its review sessions
/// and its calibration rounds. Other streams (participants) are not part of any assessment's record.</summary>
public static class ChainMembership
{
    public static async Task<Guid?> AssessmentOfAsync(IQuerySession session, StreamAction stream, CancellationToken token)
    {
        var first = stream.Events[0].Data;
        return first switch
        {
            IAssessmentEvent => stream.Id,
            ISessionEvent => stream.Events.Select(e => e.Data).OfType<SessionOpened>().FirstOrDefault()?.AssessmentId
                             ?? (await session.LoadAsync<ReviewSession>(stream.Id, token))?.AssessmentId,
            ICalibrationEvent => stream.Events.Select(e => e.Data).OfType<CalibrationOpened>().FirstOrDefault()?.AssessmentId
                                 ?? (await session.LoadAsync<CalibrationRound>(stream.Id, token))?.AssessmentId,
            _ => null
        };
    }
}
