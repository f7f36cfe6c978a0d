namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (infra/test.sh installs it), never a browser Playwright downloads: this machine reaches no
/// download site, and `playwright install` would fail.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(ExecutablePath).ShouldBeTrue($"{ExecutablePath} is missing: run the suite with infra/test.sh, which installs Debian's chromium");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        });
    }
}
