using Marten;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using ServiceSharing.Web.Features.Replay;
using Wolverine.Http;

namespace ServiceSharing.Web.Features.Export;

public static class ExportWorkbookEndpoint
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BoardSheet = "Board";
    public const string AboutSheet = "About";

    /// <summary>The same table as the CSV in an Excel workbook: the sheet "Board", and "About" saying which point it shows.</summary>
    [WolverineGet("/api/assessments/{id}/export.xlsx")]
    [ProducesResponseType(typeof(Stream), StatusCodes.Status200OK, ContentType)]
    public static Task<IResult> Get(
        Guid id, long? version, DateTimeOffset? asOf, string? snapshot, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var point = new PointInTime(version, asOf, snapshot);
        return point.AnswerAsync(session, id, state => WriteAsync(ExportPoint.Of(point, state), clock, cancellation), cancellation);
    }

    private static async Task<IResult> WriteAsync(ExportPoint export, TimeProvider clock, CancellationToken cancellation)
    {
        var board = export.Board;
        var about = new List<Dictionary<string, object?>>
        {
            Fact("Assessment", board.Title),
            Fact("Point", export.Point),
            Fact("Version", board.Version),
            Fact("Status", board.Status),
            Fact("Phase", board.CurrentPhaseName ?? board.CurrentPhase),
            Fact("Decision model", board.DecisionModel.IsDefault ? "default (equal weights)" : "set by a facilitator"),
            Fact("Ratings", "0-4 Harvey balls; city and county are the medians of each government's reviewers, joint is the panel's"),
            Fact("Exported at (UTC)", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"))
        };

        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new Dictionary<string, object>
        {
            [BoardSheet] = Rows(BoardTable.From(board)),
            [AboutSheet] = about
        }, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }, cancellationToken: cancellation);
        return Results.File(workbook.ToArray(), ContentType, $"{export.FileStem}.xlsx");
    }

    private static Dictionary<string, object?> Fact(string name, object? value) => new() { ["Field"] = name, ["Value"] = value };

    private static List<Dictionary<string, object?>> Rows(BoardTable table) => table.Rows
        .Select(row => table.Headers.Select((header, i) => (header, value: row[i])).ToDictionary(c => c.header, c => c.value))
        .ToList();
}
