namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// Plain-words reading of a kappa coefficient with the benchmarks of Landis and Koch (1977),
/// "The Measurement of Observer Agreement for Categorical Data", Biometrics 33(1), p. 165:
/// below 0 poor, 0-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial,
/// 0.81-1.00 almost perfect. Used for <see cref="WeightedKappa"/>, for which the bands were written.
/// </summary>
/// <remarks>
/// The published bands are given to two decimals; between them each upper limit is inclusive,
/// so 0.20 is slight and 0.205 is fair. Landis and Koch call the bands arbitrary but useful
/// benchmarks, and so should a screen that shows them.
/// </remarks>
public static class LandisKochScale
{
    public static AgreementStrength Classify(double kappa) => kappa switch
    {
        < 0 => AgreementStrength.Poor,
        <= 0.20 => AgreementStrength.Slight,
        <= 0.40 => AgreementStrength.Fair,
        <= 0.60 => AgreementStrength.Moderate,
        <= 0.80 => AgreementStrength.Substantial,
        _ => AgreementStrength.AlmostPerfect,
    };

    /// <summary>E.g. "moderate agreement", or "cannot be judged: {reason}" for an undefined kappa.</summary>
    public static string Describe(Statistic kappa)
    {
        ArgumentNullException.ThrowIfNull(kappa);
        if (kappa.Value is not { } value)
        {
            return $"cannot be judged: {kappa.Reason}";
        }

        return Classify(value) switch
        {
            AgreementStrength.Poor => "poor agreement (worse than chance)",
            AgreementStrength.Slight => "slight agreement",
            AgreementStrength.Fair => "fair agreement",
            AgreementStrength.Moderate => "moderate agreement",
            AgreementStrength.Substantial => "substantial agreement",
            _ => "almost perfect agreement",
        };
    }
}
