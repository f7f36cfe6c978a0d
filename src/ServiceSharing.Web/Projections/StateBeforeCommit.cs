using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Replay;

namespace ServiceSharing.Web.Projections;

/// <summary>
/// The state an inline projection describes a commit's first event from: the assessment at the version before it.
/// A live commit finds it in the board this session fetched to decide the commit, still unchanged because these
/// projections are registered before the board's own (EventStoreSetup), so it costs no read at all; when the board
/// is elsewhere (a rebuild, where it is already at the end) replay folds from the nearest checkpoint. Either way it is
/// a copy, free to fold forward: the board may be the session's own.
/// </summary>
public static class StateBeforeCommit
{
    public static async Task<Assessment> LoadAsync(IDocumentOperations operations, Guid assessmentId, long firstVersion, CancellationToken cancellation)
    {
        if (firstVersion > 1 && await operations.LoadAsync<Assessment>(assessmentId, cancellation) is { } board && board.Version == firstVersion - 1)
        {
            return board.Copy();
        }

        return await CheckpointedReplay.StateAtAsync(operations, assessmentId, firstVersion - 1, cancellation);
    }
}
