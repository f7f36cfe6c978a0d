namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>Screenshots go to the test output folder; the README's board picture is refreshed only when asked for.</summary>
public static class Screenshots
{
    public const string UpdateDocsVariable = "SERVICESHARING_UPDATE_SCREENSHOTS";

    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(OutputFolder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        new FileInfo(path).Length.ShouldBeGreaterThan(10_000, "a screenshot of a drawn page");
        return path;
    }

    /// <summary>With SERVICESHARING_UPDATE_SCREENSHOTS=1, copies a screenshot to docs/screenshots for the README.</summary>
    public static void PublishIfAsked(string path, string docsName)
    {
        if (Environment.GetEnvironmentVariable(UpdateDocsVariable) != "1")
        {
            return;
        }

        var docs = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "docs", "screenshots")).FullName;
        File.Copy(path, Path.Combine(docs, docsName), overwrite: true);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceSharing.EventSourced.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }
}
