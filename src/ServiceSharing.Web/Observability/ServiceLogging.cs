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
    /// (Persistence/WithheldParameterSqlLogger).
    /// </summary>
    public const string WolverineSchemaCategory = "Wolverine.Postgresql.PostgresqlMessageStore";

    public static void AddServiceLogging(this WebApplicationBuilder builder)
    {
        // A default only: a Logging:LogLevel setting for the category (to see the DDL again) is left to rule.
        if (builder.Configuration[$"Logging:LogLevel:{WolverineSchemaCategory}"] is null)
        {
            builder.Logging.AddFilter(WolverineSchemaCategory, LogLevel.Warning);
        }

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
