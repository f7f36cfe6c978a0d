using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Features.Replay;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Export;

public static class ExportCsvEndpoint
{
    /// <summary>The board now, or at a version, a moment (asOf) or a snapshot, as RFC 4180 CSV (UTF-8 with a BOM for Excel).</summary>
    [WolverineGet("/api/assessments/{id}/export.csv")]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, "text/csv")]
    public static Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, CancellationToken cancellation)
    {
        var point = new PointInTime(version, asOf, snapshot);
        return point.AnswerAsync(session, id, state =>
        {
            var export = ExportPoint.Of(point, state);
            var csv = Write(BoardTable.From(export.Board));
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(),
                "text/csv; charset=utf-8", $"{export.FileStem}.csv");
        }, cancellation);
    }

    public static string Write(BoardTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Headers.Select(Field))).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(value => value is string s ? Field(s) : BoardTable.Invariant(value)))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Quotes a text field when it needs it (RFC 4180). Text a spreadsheet would read as a formula (=, +, -, @ first)
    /// gets a leading apostrophe, so a next step typed in a workshop can never run as a formula on someone's laptop.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
