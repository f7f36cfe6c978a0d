using System.Net.Http.Json;
using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Features.Invites;

[assembly: AssemblyFixture(typeof(BrowserApp))]
// One browser and one app for the assembly; tests run one at a time, so two cores are not shared by two workshops.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>The real app on Kestrel and PostgreSQL (seeded with the study), and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The machine is shared by the app, PostgreSQL and the browser; expectations wait instead of sleeping.
        Assertions.SetDefaultExpectTimeout(15_000);
        App = await TestApp.StartAsync(TestDatabase.NewSchema("browser"));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    /// <summary>Invites someone with the admin key (optionally into a session) and opens their join link in a fresh browser profile.</summary>
    public async Task<Person> JoinAsync(string name, string org, string role, Guid? sessionId = null, TestApp? app = null)
    {
        var target = app ?? App;
        var invite = await InviteAsync(target, name, org, role, sessionId);
        return await Person.OpenJoinLinkAsync(Browser, target, invite.JoinUrl, invite);
    }

    public static async Task<InviteIssued> InviteAsync(TestApp app, string name, string org, string role, Guid? sessionId = null)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        var response = await client.PostAsJsonAsync("/api/invites", new { name, org, role, sessionId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InviteIssued>())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
