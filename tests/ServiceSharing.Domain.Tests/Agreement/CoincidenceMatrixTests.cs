using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.Tests.Agreement;

public class CoincidenceMatrixTests
{
    private const double Tolerance = 1e-12;

    // Krippendorff (2011), example C: the coincidence matrix of the 4 x 12 data, checked by hand.
    // Unit 6 (1,2,3,4, m_u = 4) adds 1/3 to every off-diagonal cell among 1-4; unit 2 (2,2,3,2)
    // adds 3 x 2/3 = 2 to o_22 and 3 x 1/3 = 1 to o_23 and o_32; unit 8 (1,1,2,1) likewise for
    // values 1 and 2. Hence o_11 = 2 + 1 + 2 + 2 (units 1, 11, 8) = 7, o_12 = 1/3 + 1 = 4/3, and
    //        1     2     3     4     5  | n_c
    //   1    7    4/3   1/3   1/3    0  |  9
    //   2   4/3   10    4/3   1/3    0  | 13
    //   3   1/3   4/3    8    1/3    0  | 10
    //   4   1/3   1/3   1/3    4     0  |  5
    //   5    0     0     0     0     3  |  3       n.. = 40
    [Fact]
    public void Krippendorff2011_ExampleC_coincidences_match_the_hand_computed_matrix()
    {
        var matrix = CoincidenceMatrix.FromUnits(ReliabilityDataExamples.Krippendorff2011ExampleC);

        matrix.Values.ShouldBe([1, 2, 3, 4, 5]);
        matrix.Coincidences(1, 1).ShouldBe(7, Tolerance);
        matrix.Coincidences(1, 2).ShouldBe(4.0 / 3, Tolerance);
        matrix.Coincidences(2, 1).ShouldBe(4.0 / 3, Tolerance);
        matrix.Coincidences(1, 3).ShouldBe(1.0 / 3, Tolerance);
        matrix.Coincidences(2, 2).ShouldBe(10, Tolerance);
        matrix.Coincidences(2, 3).ShouldBe(4.0 / 3, Tolerance);
        matrix.Coincidences(3, 3).ShouldBe(8, Tolerance);
        matrix.Coincidences(3, 4).ShouldBe(1.0 / 3, Tolerance);
        matrix.Coincidences(4, 4).ShouldBe(4, Tolerance);
        matrix.Coincidences(5, 5).ShouldBe(3, Tolerance);
        matrix.Coincidences(1, 5).ShouldBe(0);
        matrix.Marginal(1).ShouldBe(9, Tolerance);
        matrix.Marginal(2).ShouldBe(13, Tolerance);
        matrix.Marginal(3).ShouldBe(10, Tolerance);
        matrix.Marginal(4).ShouldBe(5, Tolerance);
        matrix.Marginal(5).ShouldBe(3, Tolerance);
        matrix.PairableValueCount.ShouldBe(40);
    }

    [Fact]
    public void A_unit_of_three_values_adds_half_a_coincidence_per_ordered_pair()
    {
        // Unit (1, 1, 2): ordered pairs (1,1) x2, (1,2) x2, (2,1) x2, each weighted 1/(3 - 1).
        var matrix = CoincidenceMatrix.FromUnits([[1, 1, 2]]);

        matrix.Coincidences(1, 1).ShouldBe(1, Tolerance);
        matrix.Coincidences(1, 2).ShouldBe(1, Tolerance);
        matrix.Coincidences(2, 1).ShouldBe(1, Tolerance);
        matrix.Coincidences(2, 2).ShouldBe(0, Tolerance);
        matrix.Marginal(1).ShouldBe(2, Tolerance);
        matrix.Marginal(2).ShouldBe(1, Tolerance);
    }

    [Fact]
    public void Units_with_fewer_than_two_values_are_not_pairable()
    {
        var matrix = CoincidenceMatrix.FromUnits([[4, null, null], [null, null, null], [], [0, 1]]);

        matrix.PairableValueCount.ShouldBe(2);
        matrix.Values.ShouldBe([0, 1]);
        matrix.Marginal(4).ShouldBe(0);
    }

    [Fact]
    public void A_NaN_rating_is_invalid_input() =>
        Should.Throw<ArgumentException>(() => CoincidenceMatrix.FromUnits([[1, double.NaN]]));
}
