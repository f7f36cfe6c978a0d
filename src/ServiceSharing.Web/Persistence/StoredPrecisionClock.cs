namespace ServiceSharing.Web.Persistence;

/// <summary>
/// Event time to the microsecond, as PostgreSQL stores it. Marten stamps events in .NET ticks (100 ns) and the inline
/// projections fold that value, while mt_events keeps it cut to the microsecond: projections rebuilt or imported
/// from the stored events would differ from the live ones in the seventh digit. Stamping at the stored precision
/// makes the event the projections see the event the database holds (and the audit chain hashes).
/// </summary>
public sealed class StoredPrecisionClock(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }
}
