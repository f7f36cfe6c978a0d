namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The values-by-values coincidence matrix o_ck of Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability": how often value c was paired with value k by two different raters of the
/// same unit, each unit contributing 1/(m_u - 1) per ordered pair so that every pairable value
/// counts once in total.
/// </summary>
/// <remarks>
/// Units with fewer than two values carry no information about agreement and are left out
/// ("pairable values" only), which is how alpha tolerates missing ratings.
/// Only values that occur are represented; for the ordinal metric an unused scale point has a
/// marginal of zero and would add nothing, so leaving it out does not change any result.
/// </remarks>
public sealed class CoincidenceMatrix
{
    private readonly Dictionary<double, int> indexByValue;
    private readonly double[,] coincidences;
    private readonly double[] marginals;

    private CoincidenceMatrix(IReadOnlyList<double> values, double[,] coincidences, int pairableValueCount)
    {
        Values = values;
        this.coincidences = coincidences;
        PairableValueCount = pairableValueCount;
        indexByValue = values.Select((value, index) => (value, index)).ToDictionary(p => p.value, p => p.index);
        marginals = new double[values.Count];
        for (var c = 0; c < values.Count; c++)
        {
            for (var k = 0; k < values.Count; k++)
            {
                marginals[c] += coincidences[c, k];
            }
        }
    }

    /// <summary>The distinct pairable values, ascending.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>n.. in Krippendorff's notation: the number of values in units rated at least twice.</summary>
    public int PairableValueCount { get; }

    /// <summary>o_ck; zero when either value does not occur.</summary>
    public double Coincidences(double c, double k) =>
        indexByValue.TryGetValue(c, out var row) && indexByValue.TryGetValue(k, out var column)
            ? coincidences[row, column]
            : 0;

    /// <summary>n_c, the row total of o_ck: how many pairable values equal c.</summary>
    public double Marginal(double c) => indexByValue.TryGetValue(c, out var row) ? marginals[row] : 0;

    internal double CoincidencesAt(int row, int column) => coincidences[row, column];

    internal double MarginalAt(int index) => marginals[index];

    /// <param name="valuesByUnit">
    /// One list per unit (e.g. one service area on one factor) holding one entry per rater;
    /// null marks a rating that was not given. Rater identity is not needed, so lists may differ in length.
    /// </param>
    /// <exception cref="ArgumentException">A unit list is null or a value is NaN or infinite.</exception>
    public static CoincidenceMatrix FromUnits(IReadOnlyList<IReadOnlyList<double?>> valuesByUnit)
    {
        ArgumentNullException.ThrowIfNull(valuesByUnit);

        var pairableUnits = valuesByUnit
            .Select(ValuesGiven)
            .Where(values => values.Length >= 2)
            .ToList();
        var distinctValues = pairableUnits.SelectMany(values => values).Distinct().Order().ToList();
        var index = distinctValues.Select((value, i) => (value, i)).ToDictionary(p => p.value, p => p.i);
        var matrix = new double[distinctValues.Count, distinctValues.Count];

        foreach (var unitValues in pairableUnits)
        {
            AddUnit(unitValues, index, matrix);
        }

        return new CoincidenceMatrix(distinctValues, matrix, pairableUnits.Sum(values => values.Length));
    }

    // o_ck += n_uc * (n_uk - [c == k]) / (m_u - 1): every ordered pair of two different raters'
    // values in the unit, weighted so the unit's m_u values add m_u to the matrix in total.
    private static void AddUnit(double[] unitValues, Dictionary<double, int> index, double[,] matrix)
    {
        var pairWeight = 1.0 / (unitValues.Length - 1);
        var countsInUnit = unitValues.CountBy(value => value).ToList();
        foreach (var (c, countOfC) in countsInUnit)
        {
            foreach (var (k, countOfK) in countsInUnit)
            {
                var pairs = countOfC * (c == k ? countOfK - 1 : countOfK);
                matrix[index[c], index[k]] += pairs * pairWeight;
            }
        }
    }

    private static double[] ValuesGiven(IReadOnlyList<double?> unit)
    {
        if (unit is null)
        {
            throw new ArgumentException("Each unit must be a list of ratings (use null entries for missing ratings).", nameof(unit));
        }

        var values = unit.Where(value => value.HasValue).Select(value => value!.Value).ToArray();
        if (values.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Ratings must be finite numbers; use null for a missing rating.", nameof(unit));
        }

        return values;
    }
}
