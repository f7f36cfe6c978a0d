using Marten;
using ServiceSharing.Domain.Calibrations;
using ServiceSharing.Domain.Participants;

namespace ServiceSharing.Web.Features.Calibration;

public static class CalibrationQueries
{
    /// <summary>The round, when it exists and belongs to this assessment; a round is only ever addressed under its own assessment.</summary>
    public static async Task<CalibrationRound?> FindAsync(IQuerySession session, Guid assessmentId, Guid roundId, CancellationToken cancellation) =>
        await session.LoadAsync<CalibrationRound>(roundId, cancellation) is { } round && round.AssessmentId == assessmentId
            ? round
            : null;

    public static async Task<IReadOnlyList<CalibrationRound>> ListAsync(IQuerySession session, Guid assessmentId, CancellationToken cancellation) =>
        (await session.Query<CalibrationRound>().Where(r => r.AssessmentId == assessmentId).ToListAsync(cancellation))
        .OrderBy(r => r.OpenedAt)
        .ToList();

    /// <summary>Names of participants by id, for views that list who rated; unknown ids are left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellation)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var participants = await session.LoadManyAsync<Participant>(cancellation, wanted);
        return participants.ToDictionary(p => p.Id, p => p.Name);
    }
}
