using System.Globalization;
using System.Text.RegularExpressions;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>Reads samples out of the Prometheus text format: "name{label="value",...} number".</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The values of every sample of the metric whose labels include all the given ones.</summary>
    public IReadOnlyList<double> Samples(string metric, params string[] labels) =>
        Sample().Matches(Text)
            .Where(m => m.Groups["name"].Value == metric && labels.All(label => m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The one sample of the metric with these labels; fails when there is none or several.</summary>
    public double Single(string metric, params string[] labels)
    {
        var samples = Samples(metric, labels);
        samples.Count.ShouldBe(1, $"one sample of {metric} with {string.Join(",", labels)} in:\n{Text}");
        return samples[0];
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
