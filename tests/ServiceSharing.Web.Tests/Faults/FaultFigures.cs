namespace ServiceSharing.Web.Tests.Faults;

/// <summary>The figures of a fault test's last run, for docs/reliability.md: in the test output and in
/// TestResults/reliability/ (git-ignored).</summary>
public static class FaultFigures
{
    public static void Report(string test, string figures)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        var folder = Path.Combine(Infrastructure.RepositoryRoot.Path, "TestResults", "reliability");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{test}.txt"), $"{DateTime.UtcNow:u} {figures}{Environment.NewLine}");
    }
}
