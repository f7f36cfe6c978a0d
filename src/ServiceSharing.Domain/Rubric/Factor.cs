namespace ServiceSharing.Domain.Rubric;

/// <summary>The four factors of the study's scoring slide, in the order the board shows them.</summary>
public enum Factor
{
    Similarity,
    Efficiencies,
    Challenges,
    Centralization
}

public static class FactorKeys
{
    public static string Key(this Factor factor) => factor switch
    {
        Factor.Similarity => "similarity",
        Factor.Efficiencies => "efficiencies",
        Factor.Challenges => "challenges",
        Factor.Centralization => "centralization",
        _ => throw new ArgumentOutOfRangeException(nameof(factor), factor, null)
    };

    public static bool TryParse(string? key, out Factor factor)
    {
        foreach (var candidate in Enum.GetValues<Factor>())
        {
            if (string.Equals(candidate.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                factor = candidate;
                return true;
            }
        }

        factor = default;
        return false;
    }

    public static string AllKeys => string.Join(", ", Enum.GetValues<Factor>().Select(f => f.Key()));
}
