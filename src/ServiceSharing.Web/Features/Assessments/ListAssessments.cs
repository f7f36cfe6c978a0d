using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Assessments;

public sealed record AssessmentSummary(Guid Id, string Title, string Status, string? CurrentPhase, string? CurrentPhaseName, long Version);

public static class ListAssessmentsEndpoint
{
    [WolverineGet("/api/assessments")]
    public static async Task<IReadOnlyList<AssessmentSummary>> Get(IQuerySession session, CancellationToken cancellation)
    {
        var assessments = await session.Query<Assessment>().OrderBy(a => a.Title).ToListAsync(cancellation);
        return assessments
            .Select(a => new AssessmentSummary(a.Id, a.Title, BoardView.StatusKey(a.Status), a.CurrentPhase?.Key, a.CurrentPhase?.Name, a.Version))
            .ToList();
    }
}
