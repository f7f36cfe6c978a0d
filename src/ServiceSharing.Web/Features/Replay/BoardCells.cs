using ServiceSharing.Domain.Assessments;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.Replay;

/// <summary>One cell of the board a diff can compare: an area's field such as "verdict" or "ratings.similarity.city".</summary>
public sealed record BoardCell(Guid AreaId, string Area, string Field, object? Value)
{
    public const string RatingsPrefix = "ratings.";
}

public static class BoardCells
{
    /// <summary>Flattens a board into comparable cells, keyed by area and field.</summary>
    public static Dictionary<(Guid AreaId, string Field), BoardCell> Of(Assessment state)
    {
        var cells = new Dictionary<(Guid, string), BoardCell>();
        foreach (var area in state.Areas)
        {
            void Add(string field, object? value) => cells[(area.Id, field)] = new BoardCell(area.Id, area.Name, field, value);

            Add("name", area.Name);
            Add("verdict", area.Verdict?.ToString());
            Add("nextSteps", area.NextSteps);
            Add("priority", area.Priority);
            foreach (var factor in state.Rubric.Factors.Select(f => f.Factor))
            {
                var ratings = area.PeekRatings(factor);
                Add($"{BoardCell.RatingsPrefix}{factor.Key()}.city", ratings?.ValueOf(Org.City));
                Add($"{BoardCell.RatingsPrefix}{factor.Key()}.county", ratings?.ValueOf(Org.County));
                Add($"{BoardCell.RatingsPrefix}{factor.Key()}.joint", ratings?.Joint);
            }
        }

        return cells;
    }
}
