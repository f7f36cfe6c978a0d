namespace ServiceSharing.Domain.Agreement;

/// <summary>Krippendorff's (2004) standard for alpha; see <see cref="KrippendorffReliabilityStandard"/>.</summary>
public enum ReliabilityVerdict
{
    Unreliable,
    TentativeConclusionsOnly,
    Reliable,
}
