using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Compression;
using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Replay;

/// <summary>One changed cell. Changes are the latest (at most <see cref="DiffPointsEndpoint.LatestChangesPerCell"/>) of the
/// ChangeCount events between the points that touched it; History is where all of them are read.</summary>
public sealed record CellChange(Guid AreaId, string Area, string Field, object? Before, object? After, IReadOnlyList<HistoryEntry> Changes,
    int ChangeCount, string History);

public static class DiffPointsEndpoint
{
    /// <summary>A cell's changes in a diff are cut to its latest ones: a long workshop changes one cell hundreds of
    /// times, and the diff is read for what changed; the cell's history link has every change.</summary>
    public const int LatestChangesPerCell = 20;

    /// <summary>Every cell that differs between two points (snapshot labels or versions), with the events between them.</summary>
    [WolverineGet("/api/assessments/{id}/diff")]
    [CompressedAnswer]
    [ProducesResponseType<IReadOnlyList<CellChange>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, string? from, string? to, IQuerySession session, CancellationToken cancellation)
    {
        var invalid = new RequestErrors()
            .RequiredText("from", from, 64)
            .RequiredText("to", to, 64)
            .ToProblem();
        if (invalid.Status is not null)
        {
            return Results.Problem(invalid);
        }

        var (fromState, fromProblem) = await PointInTime.Parse(from!).ResolveAsync(session, id, cancellation);
        if (fromProblem is not null)
        {
            return Results.Problem(Renamed(fromProblem, "from"));
        }

        var (toState, toProblem) = await PointInTime.Parse(to!).ResolveAsync(session, id, cancellation);
        if (toProblem is not null)
        {
            return Results.Problem(Renamed(toProblem, "to"));
        }

        var (low, high) = (Math.Min(fromState!.Version, toState!.Version), Math.Max(fromState.Version, toState.Version));
        var changed = ChangedCells(fromState, toState);
        if (await HistoryFilter.RecordedAsync(session, id, cancellation))
        {
            return Results.Ok(await FromRecordsAsync(session, id, changed, low, high, cancellation));
        }

        // A trail recorded before the history read model existed: only the events between the points are read, their
        // "before" values starting from the state at the lower one.
        var events = await session.Events.FetchStreamAsync(id, high, fromVersion: low + 1, token: cancellation);
        var between = AuditTrail.Build(events, await CheckpointedReplay.StateAtAsync(session, id, low, cancellation));
        return Results.Ok(changed.Select(c => Cut(id, c, between.Where(e => Touches(e, c.Cell)).ToList(), low, high)).ToList());
    }

    /// <summary>Every cell that differs between the two states, with its value in each.</summary>
    public static IReadOnlyList<(BoardCell Cell, object? Before, object? After)> ChangedCells(Assessment from, Assessment to)
    {
        var before = BoardCells.Of(from);
        var after = BoardCells.Of(to);
        return after.Keys.Union(before.Keys)
            .Select(key => (Before: before.GetValueOrDefault(key), After: after.GetValueOrDefault(key)))
            .Where(pair => !Equals(pair.Before?.Value, pair.After?.Value))
            .Select(pair => ((pair.After ?? pair.Before)!, pair.Before?.Value, pair.After?.Value))
            .ToList();
    }

    /// <summary>Each changed cell's latest changes and their count, read from the history read model in one statement.</summary>
    private static async Task<List<CellChange>> FromRecordsAsync(IQuerySession session, Guid id,
        IReadOnlyList<(BoardCell Cell, object? Before, object? After)> changed, long low, long high, CancellationToken cancellation)
    {
        var records = await ChangesPerCell.ReadAsync(session, id,
            changed.Select(c => (c.Cell.AreaId, HistoryCells.FiledUnder(c.Cell.Field))).ToList(), low, high, LatestChangesPerCell, cancellation);
        return changed.Zip(records, (c, read) => new CellChange(c.Cell.AreaId, c.Cell.Area, c.Cell.Field, c.Before, c.After,
                read.Latest.Reverse().Select(HistoryJson.Read).ToList(), (int)read.Count, HistoryLink(id, c.Cell, low, high)))
            .ToList();
    }

    private static CellChange Cut(Guid id, (BoardCell Cell, object? Before, object? After) changed, IReadOnlyList<HistoryEntry> all, long low, long high) =>
        new(changed.Cell.AreaId, changed.Cell.Area, changed.Cell.Field, changed.Before, changed.After,
            all.Skip(Math.Max(0, all.Count - LatestChangesPerCell)).ToList(), all.Count, HistoryLink(id, changed.Cell, low, high));

    /// <summary>The history read that lists every change of the cell between the points.</summary>
    public static string HistoryLink(Guid id, BoardCell cell, long low, long high) =>
        $"/api/assessments/{id}/history?areaId={cell.AreaId}&cell={Uri.EscapeDataString(cell.Field)}&since={low}&until={high}";

    private static bool Touches(HistoryEntry entry, BoardCell cell) =>
        entry.AreaId == cell.AreaId && HistoryCells.Of(entry) == HistoryCells.FiledUnder(cell.Field);

    /// <summary>The point resolver speaks of "version"/"snapshot"; a diff's caller sent "from" or "to".</summary>
    private static ProblemDetails Renamed(ProblemDetails problem, string field)
    {
        if (problem is HttpValidationProblemDetails validation)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = validation.Errors.Values.SelectMany(v => v).ToArray() })
            {
                Status = validation.Status, Title = validation.Title, Detail = $"Check '{field}'."
            };
        }

        problem.Detail = $"'{field}': {problem.Detail}";
        return problem;
    }
}
