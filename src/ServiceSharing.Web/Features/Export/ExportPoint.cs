using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Features.Replay;

namespace ServiceSharing.Web.Features.Export;

/// <summary>The board to export, at the point the request names, and a file name that says which point it is.</summary>
public sealed record ExportPoint(BoardView Board, string Point, string FileStem)
{
    public static async Task<(ExportPoint? Export, ProblemDetails? Problem)> ResolveAsync(
        Guid id, PointInTime point, IQuerySession session, CancellationToken cancellation)
    {
        var (state, problem) = await point.ResolveAsync(session, id, cancellation);
        if (problem is not null)
        {
            return (null, problem);
        }

        var board = BoardView.From(state!);
        var named = point.Snapshot is { } label ? $"snapshot {label} (version {board.Version})" : $"version {board.Version}";
        var description = point.IsLatest ? $"latest, {named}" : named;
        var stem = point.Snapshot is { } snapshot ? $"board-{snapshot}" : $"board-v{board.Version}";
        return (new ExportPoint(board, description, stem), null);
    }
}
