using Microsoft.Extensions.Logging.Console;

namespace ServiceSharing.Web.Observability;

/// <summary>
/// The console log: plain lines, or one JSON object per line when ServiceSharing:JsonLogs is true, with scopes on in
/// both so every line written during a request carries its correlation id (<see cref="CorrelationScope"/>).
/// </summary>
public static class ServiceLogging
{
    public const string JsonLogsSetting = "ServiceSharing:JsonLogs";

    /// <summary>
    /// Wolverine writes the DDL of its PostgreSQL message store at Information (about 150 lines at a first start) and
    /// has no setting for it: its migration logger always calls LogInformation. The category is raised to Warning, so
    /// its warnings and failures (with their SQL) still show. Marten's schema changes are at Debug already
    /// (Persistence/WithheldParameterSqlLogger). A lowest-priority default: any Logging:LogLevel setting overrides it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> QuietSchemaChanges = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Wolverine.Postgresql.PostgresqlMessageStore"] = "Warning"
    };

    public static void AddServiceLogging(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = QuietSchemaChanges });

        if (builder.Configuration.GetValue<bool>(JsonLogsSetting))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }
    }
}
