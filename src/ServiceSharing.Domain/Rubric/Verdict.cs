namespace ServiceSharing.Domain.Rubric;

/// <summary>The study's "Overall" column: is the area worth sharing or consolidating?</summary>
public enum Verdict
{
    Yes,
    No,
    Maybe
}

public static class Verdicts
{
    public static bool TryParse(string? text, out Verdict verdict)
    {
        verdict = default;
        return !string.IsNullOrWhiteSpace(text)
               && !int.TryParse(text, out _)
               && Enum.TryParse(text.Trim(), ignoreCase: true, out verdict)
               && Enum.IsDefined(verdict);
    }
}
