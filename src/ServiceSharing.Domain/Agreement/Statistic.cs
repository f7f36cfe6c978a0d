using System.Globalization;

namespace ServiceSharing.Domain.Agreement;

/// <summary>
/// The value of an agreement statistic, or the plain-words reason it has none.
/// Exactly one of <see cref="Value"/> and <see cref="Reason"/> is non-null.
/// </summary>
/// <remarks>
/// Agreement coefficients are ratios that degenerate to 0/0 on some data (a single rater, or
/// every rating identical). A NaN would flow silently into averages and charts, so undefined
/// cases are returned as a null <see cref="Value"/> with a <see cref="Reason"/> taken from
/// <see cref="UndefinedReasons"/>, and never as NaN or an exception.
/// </remarks>
public sealed record Statistic
{
    private Statistic(double? value, string? reason)
    {
        Value = value;
        Reason = reason;
    }

    public double? Value { get; }

    public string? Reason { get; }

    public bool IsDefined => Value.HasValue;

    public static Statistic Defined(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A defined statistic must be a finite number.");
        }

        return new Statistic(value, null);
    }

    public static Statistic Undefined(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Statistic(null, reason);
    }

    public override string ToString() =>
        Value is { } value
            ? value.ToString("0.000", CultureInfo.InvariantCulture)
            : $"undefined: {Reason}";
}
