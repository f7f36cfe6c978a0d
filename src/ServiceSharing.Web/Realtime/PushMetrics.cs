using System.Diagnostics.Metrics;
using ServiceSharing.Web.Observability;

namespace ServiceSharing.Web.Realtime;

/// <summary>
/// servicesharing.pushes.sent and servicesharing.push.lag: each hub send this node issues for a committed event, and
/// how long after the event's own timestamp the send was issued. Tagged "board", "session" or "calibration".
/// </summary>
public sealed class PushMetrics(ServiceMeter meter, TimeProvider clock)
{
    public const string Board = "board";
    public const string Session = "session";
    public const string Calibration = "calibration";

    private readonly Counter<long> _sent = meter.Meter.CreateCounter<long>(
        "servicesharing.pushes.sent", "{push}", "Hub messages sent for committed events.");

    private readonly Histogram<double> _lag = meter.Meter.CreateHistogram(
        "servicesharing.push.lag", "s", "From the event's timestamp to the hub send being issued.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public void Sending(string kind, DateTimeOffset eventTime)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _sent.Add(1, tag);
        _lag.Record(Math.Max(0, (clock.GetUtcNow() - eventTime).TotalSeconds), tag);
    }
}
