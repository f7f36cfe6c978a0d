namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The squared difference functions delta-squared_ck of Krippendorff (2011), "Computing
/// Krippendorff's Alpha-Reliability", one per <see cref="AlphaMetric"/>.
/// </summary>
public static class AlphaDifference
{
    /// <summary>delta-squared between values <paramref name="c"/> and <paramref name="k"/> of <paramref name="matrix"/>.</summary>
    /// <exception cref="ArgumentException">A value does not occur among the matrix's pairable values.</exception>
    public static double Squared(AlphaMetric metric, CoincidenceMatrix matrix, double c, double k)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.Values.ToList();
        var row = values.IndexOf(c);
        var column = values.IndexOf(k);
        if (row < 0 || column < 0)
        {
            throw new ArgumentException("Both values must occur among the pairable values of the matrix.");
        }

        return Table(metric, matrix)[row, column];
    }

    /// <summary>delta-squared for every pair of the matrix's values, indexed like <see cref="CoincidenceMatrix.Values"/>.</summary>
    internal static double[,] Table(AlphaMetric metric, CoincidenceMatrix matrix)
    {
        var size = matrix.Values.Count;
        var table = new double[size, size];
        for (var c = 0; c < size; c++)
        {
            for (var k = 0; k < size; k++)
            {
                table[c, k] = metric switch
                {
                    AlphaMetric.Nominal => c == k ? 0 : 1,
                    AlphaMetric.Ordinal => Ordinal(matrix, c, k),
                    AlphaMetric.Interval => Square(matrix.Values[c] - matrix.Values[k]),
                    AlphaMetric.Ratio => Ratio(matrix.Values[c], matrix.Values[k]),
                    _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
                };
            }
        }

        return table;
    }

    // Krippendorff (2011): ordinal delta-squared_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2.
    // Distances are ranks in the observed distribution rather than the numerals, so "0 vs 1"
    // counts for more when many ratings sit between or at those points.
    private static double Ordinal(CoincidenceMatrix matrix, int c, int k)
    {
        var (low, high) = c <= k ? (c, k) : (k, c);
        var sumOfMarginalsBetween = 0.0;
        for (var g = low; g <= high; g++)
        {
            sumOfMarginalsBetween += matrix.MarginalAt(g);
        }

        return Square(sumOfMarginalsBetween - (matrix.MarginalAt(low) + matrix.MarginalAt(high)) / 2);
    }

    // Krippendorff (2011): ratio delta-squared_ck = ((c - k) / (c + k))^2. Two zeros are identical
    // values, so their difference is 0 rather than 0/0; negative values have no ratio meaning.
    private static double Ratio(double c, double k)
    {
        if (c < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(c), "The ratio metric needs values of zero or more.");
        }

        return c + k == 0 ? 0 : Square((c - k) / (c + k));
    }

    private static double Square(double x) => x * x;
}
