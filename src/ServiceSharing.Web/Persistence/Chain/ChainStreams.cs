using Marten;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Sessions;

namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>The streams whose events make up an assessment's record, by kind: its own, its sessions', its
/// calibration rounds'.</summary>
public static class ChainStreams
{
    public const string Assessment = "assessment";
    public const string Session = "session";
    public const string Calibration = "calibration";

    public static async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IQuerySession session, Guid assessmentId, CancellationToken token)
    {
        var sessions = await session.Query<ReviewSession>().Where(s => s.AssessmentId == assessmentId).Select(s => s.Id).ToListAsync(token);
        var rounds = await session.Query<CalibrationRound>().Where(r => r.AssessmentId == assessmentId).Select(r => r.Id).ToListAsync(token);
        var kinds = new Dictionary<Guid, string> { [assessmentId] = Assessment };
        foreach (var id in sessions)
        {
            kinds[id] = Session;
        }

        foreach (var id in rounds)
        {
            kinds[id] = Calibration;
        }

        return kinds;
    }
}
