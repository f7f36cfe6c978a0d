namespace ServiceSharing.Domain.Tests.Agreement;

/// <summary>Published reliability data sets used by several test classes, one list per unit.</summary>
internal static class ReliabilityDataExamples
{
    /// <summary>
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four observers
    /// A-D, twelve units, values 1-5, missing data. Unit 12 has one value only and is not pairable.
    /// The same "C" data ship with R irr::kripp.alpha's examples.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double?>> Krippendorff2011ExampleC { get; } =
    [
        [1, 1, null, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [null, 5, 5, 5],
        [null, null, 1, 1],
        [null, 3, null, null],
    ];

    /// <summary>
    /// Hayes and Krippendorff (2007), "Answering the Call for a Standard Reliability Measure for
    /// Coding Data", Communication Methods and Measures 1(1), Table 1: five observers rate 40 units
    /// on an ordinal 0-3 scale with missing data.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double?>> HayesKrippendorff2007Table1 { get; } =
    [
        [1, 1, 2, null, 2], [1, 1, 0, 1, null], [2, 3, 3, 3, null], [null, 0, 0, null, 0],
        [0, 0, 0, null, 0], [0, 0, 0, null, 0], [1, 0, 2, null, 1], [1, null, 2, 0, null],
        [2, 2, 2, null, 2], [2, 1, 1, 1, null], [null, 1, 0, 0, null], [0, 0, 0, 0, null],
        [1, 2, 2, 2, null], [3, 3, 2, 2, 3], [1, 1, 1, null, 1], [1, 1, 1, null, 1],
        [2, 1, 2, null, 2], [1, 2, 3, 3, null], [1, 1, 0, 1, null], [0, 0, 0, null, 0],
        [0, 0, 1, 1, null], [0, 0, null, 0, 0], [2, 3, 3, 3, null], [0, 0, 0, 0, null],
        [1, 2, null, 2, 2], [0, 1, 1, 1, null], [0, 0, 0, 1, 0], [1, 2, 1, 2, null],
        [1, 1, 2, 2, null], [1, 1, 2, null, 2], [1, 1, 0, null, 0], [2, 1, 2, 1, null],
        [2, 2, null, 2, 2], [3, 2, 2, 2, null], [2, 2, 2, null, 2], [2, 2, 3, null, 2],
        [2, 2, 2, null, 2], [2, 2, null, 1, 2], [2, 2, 2, 2, null], [1, 1, 1, null, 1],
    ];

    /// <summary>
    /// The computational example of the Wikipedia article "Krippendorff's alpha" (three coders,
    /// fifteen units, values 1-4), a secondary source used as a further check.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double?>> WikipediaComputationalExample { get; } =
    [
        [null, 1, null], [null, null, null], [null, 2, 2], [null, 1, 1], [null, 3, 3],
        [3, 3, 4], [4, 4, 4], [1, 3, null], [2, null, 2], [1, null, 1],
        [1, null, 1], [3, null, 3], [3, null, 3], [null, null, null], [3, null, 4],
    ];
}
