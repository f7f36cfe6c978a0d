using System.Globalization;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Domain.Decisions;

/// <summary>
/// A change of one factor's weight that changes the suggested verdict. Weights are continuous, so the change is a
/// boundary: when <paramref name="FlipsAtTo"/> is true the verdict is already different at <paramref name="To"/>
/// (the score reaches a threshold there); when false it differs for any weight beyond <paramref name="To"/> (the
/// score must fall below a threshold, which it touches at <paramref name="To"/>). A change of 0 with FlipsAtTo
/// false means the score sits exactly on a threshold and any move that way flips it.
/// </summary>
public sealed record WeightFlip(Factor Factor, double From, double To, Verdict NewVerdict, bool FlipsAtTo)
{
    public double Change => To - From;

    public string Describe()
    {
        var up = To >= From;
        var bound = (up, FlipsAtTo) switch
        {
            (true, true) => $"of {Number(To)} or more",
            (true, false) => $"above {Number(To)}",
            (false, true) => $"of {Number(To)} or less",
            (false, false) => $"below {Number(To)}"
        };
        return $"a weight {bound} for {Factor.Key()} (now {Number(From)}) suggests {NewVerdict}";
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A change of one factor's joint rating (a whole step of the 0-4 scale) that changes the suggested verdict.</summary>
public sealed record RatingFlip(Factor Factor, int From, int To, Verdict NewVerdict)
{
    public int Change => To - From;

    public string Describe() => $"a joint rating of {To} for {Factor.Key()} (now {From}) suggests {NewVerdict}";
}
