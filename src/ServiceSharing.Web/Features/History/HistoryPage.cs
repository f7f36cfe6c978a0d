using Marten;
using Microsoft.AspNetCore.WebUtilities;
using ServiceSharing.Web.Features.Replay;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// One page of a history read: at most limit entries after "since", in version order, and the version the next page
/// starts after when more follow. Pages are cut by version, so a page read later answers the same entries.
/// </summary>
public sealed record HistoryPage(string Json, long? NextSince)
{
    public const int MaxLimit = 10_000;

    /// <param name="recorded">Whether the history read model holds the trail from its start (else it is folded).</param>
    public static async Task<HistoryPage> ReadAsync(IQuerySession session, Guid id, HistoryFilter filter, int limit, bool recorded, CancellationToken cancellation)
    {
        if (recorded)
        {
            // One more than the page, to know whether another follows.
            var read = await filter.Query(session, id).Take(limit + 1).Select(r => new { r.Version, r.Entry }).ToListAsync(cancellation);
            var page = read.Take(limit).ToList();
            return new HistoryPage($"[{string.Join(',', page.Select(e => e.Entry))}]", read.Count > limit ? page[^1].Version : null);
        }

        var events = await session.Events.FetchStreamAsync(id, fromVersion: filter.After + 1, token: cancellation);
        var entries = AuditTrail.Build(events, await CheckpointedReplay.StateAtAsync(session, id, filter.After, cancellation))
            .Where(filter.Matches).Take(limit + 1).ToList();
        var folded = entries.Take(limit).ToList();
        return new HistoryPage($"[{string.Join(',', folded.Select(HistoryJson.Render))}]", entries.Count > limit ? folded[^1].Version : null);
    }

    /// <summary>The same request with "since" moved to <paramref name="since"/>.</summary>
    public static string NextUrl(HttpRequest request, long since)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["since"] = since.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request.Path + QueryString.Create(query.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
    }
}
