using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.Board;
using ServiceSharing.Web.Features.Replay;

namespace ServiceSharing.Web.Features.Export;

/// <summary>The board to export, at the point the request names, and a file name that says which point it is.</summary>
public sealed record ExportPoint(BoardView Board, string Point, string FileStem)
{
    public static ExportPoint Of(PointInTime point, Assessment state)
    {
        var board = BoardView.From(state);
        var named = point.Snapshot is { } label ? $"snapshot {label} (version {board.Version})" : $"version {board.Version}";
        var description = point.IsLatest ? $"latest, {named}" : named;
        var stem = point.Snapshot is { } snapshot ? $"board-{snapshot}" : $"board-v{board.Version}";
        return new ExportPoint(board, description, stem);
    }
}
