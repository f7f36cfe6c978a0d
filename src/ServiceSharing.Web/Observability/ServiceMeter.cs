using System.Diagnostics.Metrics;

namespace ServiceSharing.Web.Observability;

/// <summary>
/// The one Meter the app's own instruments live on. Each instrument is created beside what it measures (ratings,
/// pushes, connections, rate limits); this only names the meter. Made through IMeterFactory, so every host in a
/// process (each test's app) has a meter of its own and disposes it with its services.
/// </summary>
public sealed class ServiceMeter(IMeterFactory factory)
{
    public const string Name = "ServiceSharing";

    public Meter Meter { get; } = factory.Create(Name);
}
