namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>The PostgreSQL the suite runs against: infra/test.sh starts a throwaway one and exports its address.</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Marten is not set: run the suite with infra/test.sh, which starts PostgreSQL for it.");

    /// <summary>A schema of its own per app under test, so suites and reruns never see each other's events.</summary>
    public static string NewSchema(string purpose) => $"t_{purpose}_{Guid.NewGuid():N}"[..30];
}
