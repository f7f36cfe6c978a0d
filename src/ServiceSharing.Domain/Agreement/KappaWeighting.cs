namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The disagreement weight v(first, second) of Cohen's (1968) weighted kappa, as a function of the
/// two values rather than of category positions.
/// </summary>
/// <remarks>
/// Cohen (1968) writes kappa_w = 1 - sum v_ij p_o,ij / sum v_ij p_c,ij with disagreement weights
/// v_ij; the agreement-weight form of Fleiss, Cohen and Everitt (1969), w_ij = 1 - v_ij / v_max,
/// gives the same coefficient because v_max cancels. Hence squared differences of the values are
/// exactly the Fleiss-Cohen quadratic weights 1 - (i - j)^2 / (k - 1)^2 for integer categories,
/// whatever the number of categories k, and absolute differences are exactly the
/// Cicchetti-Allison linear weights. Because weights depend on the values themselves, a scale point
/// nobody used does not change any distance (unlike implementations that number only the observed
/// levels), and half steps such as 2.5 sit where they belong.
/// </remarks>
public sealed class KappaWeighting
{
    private readonly Func<double, double, double> disagreement;

    private KappaWeighting(string name, Func<double, double, double> disagreement)
    {
        Name = name;
        this.disagreement = disagreement;
    }

    /// <summary>(first - second)^2: Fleiss-Cohen quadratic weights; equivalent to an intraclass correlation (Fleiss &amp; Cohen 1973).</summary>
    public static KappaWeighting Quadratic { get; } = new("quadratic", (first, second) => (first - second) * (first - second));

    /// <summary>|first - second|: Cicchetti-Allison linear weights.</summary>
    public static KappaWeighting Linear { get; } = new("linear", (first, second) => Math.Abs(first - second));

    /// <summary>0 for equal values, 1 otherwise: Cohen's (1960) unweighted kappa.</summary>
    public static KappaWeighting Unweighted { get; } = new("unweighted", (first, second) => first == second ? 0 : 1);

    public string Name { get; }

    /// <summary>
    /// Weights of one's own, e.g. Cohen's (1968) nominal-category example. The function must return
    /// a finite value of zero or more, and zero for two equal values. It need not be symmetric:
    /// the first argument is the first rater's value.
    /// </summary>
    public static KappaWeighting FromDisagreement(string name, Func<double, double, double> disagreement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(disagreement);
        return new KappaWeighting(name, disagreement);
    }

    public double Disagreement(double first, double second) => disagreement(first, second);

    public override string ToString() => Name;
}
