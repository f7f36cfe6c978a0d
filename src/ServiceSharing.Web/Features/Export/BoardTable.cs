using System.Globalization;
using ServiceSharing.Web.Features.Board;

namespace ServiceSharing.Web.Features.Export;

/// <summary>
/// The board as a flat table, one row per area, in the board's own order: what the CSV and the workbook both write.
/// Cells are null (left empty), text or numbers, never formatted for a locale.
/// </summary>
public sealed record BoardTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static readonly string[] Sides = ["city", "county", "joint"];

    public static BoardTable From(BoardView board)
    {
        var headers = new List<string> { "Area", "Priority", "Priority focus" };
        foreach (var factor in board.Factors)
        {
            headers.AddRange(Sides.Select(side => $"{Title(factor.Key)} ({side})"));
        }

        headers.AddRange(["Overall", "Next steps", "Model score", "Model suggests"]);

        var rows = board.Areas.Select(area =>
        {
            var row = new List<object?> { area.Name, area.Priority ? "yes" : "no", area.PriorityFocus };
            foreach (var factor in board.Factors)
            {
                var cell = area.Ratings[factor.Key];
                row.AddRange([cell.City, cell.County, cell.Joint is { } joint ? (double)joint : null]);
            }

            row.AddRange([area.Verdict, area.NextSteps, area.Score is { } score ? Math.Round(score, 2) : null, area.SuggestedVerdict]);
            return (IReadOnlyList<object?>)row;
        }).ToList();

        return new BoardTable(headers, rows);
    }

    /// <summary>"similarity" as a column title: "Similarity".</summary>
    public static string Title(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];

    public static string Invariant(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? ""
    };
}
