using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Domain.Rubric;
using ServiceSharing.Web.Compression;
using ServiceSharing.Web.Features.Replay;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.History;

public static class GetHistoryEndpoint
{
    /// <summary>The ordered audit trail, optionally of one area, one factor or one cell (a diff's field, such as
    /// "ratings.similarity.city"), or only what came after a version (since) and up to one (until). Without limit the
    /// whole of it; with limit, a page of at most that many entries and, when more follow, a Link header (rel="next")
    /// to the next page (the same read from the page's last version on).</summary>
    [WolverineGet("/api/assessments/{id}/history")]
    [CompressedAnswer]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        Guid id, Guid? areaId, string? factor, string? cell, long? since, long? until, int? limit, HttpContext context,
        IQuerySession session, CancellationToken cancellation)
    {
        Factor? parsedFactor = FactorKeys.TryParse(factor, out var known) ? known : null;
        var invalid = new RequestErrors()
            .When(factor is not null && parsedFactor is null, "factor", $"'factor' must be one of {FactorKeys.AllKeys}.")
            .When(cell is not null && !HistoryCells.IsBoardField(cell), "cell",
                "'cell' must name a cell as the diff does: name, verdict, nextSteps, priority or ratings.<factor>.<city|county|wpf|joint>.")
            .When(limit is < 1 or > HistoryPage.MaxLimit, "limit", $"'limit' must be 1 to {HistoryPage.MaxLimit}.")
            .ToProblem();
        if (invalid.Status is not null)
        {
            return Results.Problem(invalid);
        }

        var start = await HistoryStart.ReadAsync(session, id, cancellation);
        if (start.Stream is not { } stream)
        {
            return Results.Problem(Refusals.NotFound($"No assessment '{id}'."));
        }

        var after = Math.Clamp(since ?? 0, 0, stream.Version);
        var filter = new HistoryFilter(areaId, parsedFactor, cell, after, until);
        if (limit is { } pageSize)
        {
            var page = await HistoryPage.ReadAsync(session, id, filter, pageSize, start.Recorded, cancellation);
            if (page.NextSince is { } next)
            {
                context.Response.Headers.Link = $"<{HistoryPage.NextUrl(context.Request, next)}>; rel=\"next\"";
            }

            return Results.Content(page.Json, "application/json; charset=utf-8");
        }

        if (start.Recorded)
        {
            // The entries are stored in the API's JSON: they go out as they are, row by row as they are read, in version
            // order, and the cost follows the entries asked for, not the length of the stream.
            return Results.Stream(body => HistoryArray.WriteAsync(session, filter.Query(session, id).Select(r => r.Entry), body, cancellation),
                "application/json; charset=utf-8");
        }

        // A trail recorded before the read model existed: folded, reading only what came after "since", with the
        // "before" values starting from the state at that version.
        var events = await session.Events.FetchStreamAsync(id, fromVersion: after + 1, token: cancellation);
        var entries = AuditTrail.Build(events, await CheckpointedReplay.StateAtAsync(session, id, after, cancellation));
        return Results.Ok(entries.Where(filter.Matches).ToList());
    }
}
