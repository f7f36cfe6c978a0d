using ServiceSharing.Domain.Agreement;

namespace ServiceSharing.Domain.AgreementReports;

/// <summary>The RAND/UCLA disagreement flag in plain words, with the counts that decided it.</summary>
public static class PanelDisagreementReading
{
    public static string Describe(PanelDisagreementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsDisagreement is not { } disagrees)
        {
            return $"cannot be judged: {result.Reason}";
        }

        var counts = $"{result.RatingsInLowestThird} of {result.PanelSize} ratings in the lowest third (0-1) and "
                     + $"{result.RatingsInHighestThird} in the highest third (3-4); disagreement needs at least "
                     + $"{result.RequiredInEachExtreme} in each";
        return disagrees ? $"the panel disagrees: {counts}" : $"no disagreement: {counts}";
    }
}
