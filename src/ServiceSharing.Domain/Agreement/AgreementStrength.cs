namespace ServiceSharing.Domain.Agreement;

/// <summary>The strength-of-agreement bands of Landis and Koch (1977); see <see cref="LandisKochScale"/>.</summary>
public enum AgreementStrength
{
    Poor,
    Slight,
    Fair,
    Moderate,
    Substantial,
    AlmostPerfect,
}
