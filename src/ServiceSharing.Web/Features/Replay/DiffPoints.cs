using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Features.History;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Replay;

public sealed record CellChange(Guid AreaId, string Area, string Field, object? Before, object? After, IReadOnlyList<HistoryEntry> Changes);

public static class DiffPointsEndpoint
{
    /// <summary>Every cell that differs between two points (snapshot labels or versions), with the events between them.</summary>
    [WolverineGet("/api/assessments/{id}/diff")]
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
        // Only the events between the points are read; their "before" values start from the state at the lower one.
        var events = await session.Events.FetchStreamAsync(id, high, fromVersion: low + 1, token: cancellation);
        var between = AuditTrail.Build(events, await CheckpointedReplay.StateAtAsync(session, id, low, cancellation));
        return Results.Ok(Compare(fromState, toState, between));
    }

    public static IReadOnlyList<CellChange> Compare(Assessment from, Assessment to, IReadOnlyList<HistoryEntry> between)
    {
        var before = BoardCells.Of(from);
        var after = BoardCells.Of(to);
        return after.Keys.Union(before.Keys)
            .Select(key => (Before: before.GetValueOrDefault(key), After: after.GetValueOrDefault(key)))
            .Where(pair => !Equals(pair.Before?.Value, pair.After?.Value))
            .Select(pair =>
            {
                var cell = (pair.After ?? pair.Before)!;
                return new CellChange(cell.AreaId, cell.Area, cell.Field, pair.Before?.Value, pair.After?.Value,
                    between.Where(e => Touches(e, cell)).ToList());
            })
            .ToList();
    }

    private static bool Touches(HistoryEntry entry, BoardCell cell)
    {
        if (entry.AreaId != cell.AreaId)
        {
            return false;
        }

        if (cell.RatingKey is var (factor, side))
        {
            return entry.Factor == factor && (side == "joint" ? entry.Field == "joint" : entry.Field == "rating" && entry.Org == side);
        }

        return cell.Field switch
        {
            "verdict" or "nextSteps" => entry.Field == "verdict",
            "name" => entry.Field == "area",
            _ => entry.Field == cell.Field
        };
    }

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
