namespace ServiceSharing.Domain.Assessments;

public static class Median
{
    /// <summary>The middle score, or the mean of the two middle ones; null when nobody has rated.</summary>
    public static double? Of(IEnumerable<int> scores)
    {
        var sorted = scores.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
