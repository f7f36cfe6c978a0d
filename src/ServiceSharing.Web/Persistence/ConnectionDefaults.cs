using System.Data.Common;
using Npgsql;

namespace ServiceSharing.Web.Persistence;

/// <summary>
/// What the app sets on its PostgreSQL connection string unless the string gives its own value. Server settings
/// given in Options are kept, and the app's own are added beside them.
/// </summary>
public static class ConnectionDefaults
{
    /// <summary>Seconds to wait for a connection: Npgsql's 15 s default would hold a request past the 10 s within
    /// which an outage must answer 503 when the server hangs instead of refusing.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>Statements each connection keeps prepared. Marten sends its SQL unprepared, so without this PostgreSQL
    /// parses and plans each of a rating's statements on every commit (about a dozen); a connection's reset keeps
    /// them, as Npgsql resets without DISCARD ALL once a connection holds prepared statements. Sized above the
    /// distinct statements of the hot paths (write, board, audit reads), so they are not evicted by rarer ones.</summary>
    public const int MaxAutoPrepare = 128;

    /// <summary>Uses before a statement is prepared: the hot paths reach it at once, one-off statements never do.</summary>
    public const int AutoPrepareMinUsages = 2;

    /// <summary>How PostgreSQL compresses a value too large for its row (over about 2 KB): the board's document (29 KB
    /// of JSON at 30 reviewers, rewritten by every commit of ratings) took 0.96 ms to upsert with the server's default,
    /// pglz, and 0.22 ms with lz4, in the same lock-holding transaction (docs/performance.md, change 18). Set per
    /// connection, so it needs no rights on the database and reaches every document table Marten manages.</summary>
    public const string ToastCompression = "-c default_toast_compression=lz4";

    public static string Apply(string connectionString)
    {
        var given = Keys(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (builder.Options?.Contains("default_toast_compression", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? ToastCompression : $"{builder.Options} {ToastCompression}";
        }

        return builder.ConnectionString;
    }

    /// <summary>The keys the string gives, spaces removed: Npgsql takes "Max Auto Prepare" and "MaxAutoPrepare" alike.</summary>
    private static HashSet<string> Keys(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
