using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>One participant at their own laptop: a browser profile of their own, signed in through their join link.</summary>
public sealed class Person : IAsyncDisposable
{
    /// <summary>Projector-sized: the board is meant to be read from the back of a room.</summary>
    public static readonly ViewportSize Screen = new() { Width = 1600, Height = 1000 };

    private Person(IBrowserContext context, IPage page, TestApp app, InviteIssued? invite)
    {
        Context = context;
        Page = page;
        App = app;
        Invite = invite;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public TestApp App { get; }
    public InviteIssued? Invite { get; }

    public static async Task<Person> OpenJoinLinkAsync(IBrowser browser, TestApp app, string joinUrl, InviteIssued? invite = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Screen,
            BaseURL = app.BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "America/Chicago"
        });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(joinUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assessments" })).ToBeVisibleAsync();
        return new Person(context, page, app, invite);
    }

    public async Task OpenBoardAsync(Guid assessmentId, string view = "")
    {
        await Page.GotoAsync($"/#/assessments/{assessmentId}{(view.Length > 0 ? "/" + view : "")}");
        await Assertions.Expect(Page.Locator("table.board, table.heat, table.history, .compare-results").First).ToBeVisibleAsync();
    }

    /// <summary>The row of an area on the board (the first board on the page).</summary>
    public ILocator Row(string area) => Page.Locator($"table.board tr[data-area=\"{area}\"]").First;

    /// <summary>The number shown for one side (city, county, joint) of a factor cell.</summary>
    public ILocator Score(string area, string factor, string side) =>
        Row(area).Locator($"td[data-factor=\"{factor}\"] [data-side=\"{side}\"] .score");

    public ILocator Verdict(string area) => Row(area).Locator("td[data-column=overall] .verdict");

    /// <summary>Marks the page so a later check can prove it was never reloaded.</summary>
    public Task MarkPageAsync() => Page.EvaluateAsync("() => { window.__notReloaded = true; }");

    public async Task<bool> PageWasNotReloadedAsync() => await Page.EvaluateAsync<bool>("() => window.__notReloaded === true");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
