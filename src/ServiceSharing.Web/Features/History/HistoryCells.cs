using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Features.History;

/// <summary>
/// Which board cell an audit entry changes, in the diff's words ("ratings.similarity.city", "verdict", "name"):
/// the key the history read model files each entry under, so one cell's changes are read without the others.
/// </summary>
public static class HistoryCells
{
    private static readonly string[] AreaFields = ["name", "verdict", "nextSteps", "priority"];

    /// <summary>The cell <paramref name="entry"/> changes, or null when it changes no cell of an area.</summary>
    public static string? Of(HistoryEntry entry) => entry.Field switch
    {
        "rating" when entry.Factor is { } factor && entry.Org is { } org => Rating(factor, org),
        "joint" when entry.Factor is { } factor => Rating(factor, "joint"),
        "verdict" => "verdict",
        "priority" => "priority",
        "area" => "name",
        _ => null
    };

    /// <summary>The key a board cell's changes are filed under: next steps are recorded with the verdict.</summary>
    public static string FiledUnder(string boardField) => boardField == "nextSteps" ? "verdict" : boardField;

    /// <summary>Every key a factor's entries are filed under: each org's reviewers and the joint score.</summary>
    public static IReadOnlyList<string> OfFactor(Factor factor) =>
        [.. Enum.GetValues<Org>().Select(org => Rating(factor.Key(), org.Key())), Rating(factor.Key(), "joint")];

    /// <summary>Whether <paramref name="boardField"/> names a cell of an area as the diff names it.</summary>
    public static bool IsBoardField(string boardField) =>
        AreaFields.Contains(boardField)
        || (boardField.Split('.') is ["ratings", var factor, var side]
            && FactorKeys.TryParse(factor, out var parsed) && parsed.Key() == factor
            && (side == "joint" || (OrgsAndRoles.TryParseOrg(side, out var org) && org.Key() == side)));

    private static string Rating(string factor, string side) => $"ratings.{factor}.{side}";
}
