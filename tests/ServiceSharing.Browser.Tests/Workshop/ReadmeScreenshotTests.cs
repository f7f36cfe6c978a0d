using System.Net;
using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Seed;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>
/// The picture at the top of the README: the study's board during a workshop, as the facilitator's projector shows
/// it. The study publishes no per-factor scores, so the scores here are a test workshop's, on an app of its own.
/// Set SERVICESHARING_UPDATE_SCREENSHOTS=1 to copy it to docs/screenshots/board.png.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserApp browser)
{
    private static readonly (string Area, int[] City, int[] County, int[]? Joint)[] Workshop =
    [
        ("Payroll", [4, 3, 3, 4], [3, 3, 3, 4], [4, 3, 3, 4]),
        ("Procurement", [3, 3, 2, 3], [3, 2, 2, 2], [3, 3, 2, 3]),
        ("HR / ER", [2, 2, 3, 1], [0, 1, 3, 1], null),
        ("IT", [2, 3, 4, 2], [3, 3, 4, 2], [2, 3, 4, 2]),
        ("Fleet Management", [3, 4, 3, 4], [3, 3, 2, 4], null)
    ];

    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    [Fact]
    public async Task the_board_of_the_study_during_a_workshop()
    {
        await using var app = await TestApp.StartAsync(TestDatabase.NewSchema("readme"));
        var id = MilwaukeeStudy.AssessmentId;
        var url = $"/api/assessments/{id}";
        var facilitatorInvite = await BrowserApp.InviteAsync(app, "Ann Facilitator", "wpf", "facilitator");
        var facilitator = app.ClientFor(facilitatorInvite);
        var board = await facilitator.GetJsonAsync(url);
        Guid Area(string name) => TestAssessment.Area(board, name).Get<Guid>("id");

        var session = (await facilitator.PostJsonAsync("/api/sessions", new { assessmentId = id, title = "Joint workshop, Phase II restart" }, HttpStatusCode.Created)).Get<Guid>("id");
        var cathyInvite = await BrowserApp.InviteAsync(app, "Cathy Ruiz", "city", "reviewer", session);
        var city = app.ClientFor(cathyInvite);
        var county = app.ClientFor(await BrowserApp.InviteAsync(app, "Dev Patel", "county", "reviewer", session));
        foreach (var (area, cityScores, countyScores, joint) in Workshop)
        {
            for (var f = 0; f < Factors.Length; f++)
            {
                await city.PostJsonAsync($"{url}/ratings", new { areaId = Area(area), factor = Factors[f], score = cityScores[f] });
                await county.PostJsonAsync($"{url}/ratings", new { areaId = Area(area), factor = Factors[f], score = countyScores[f] });
                if (joint is not null)
                {
                    await facilitator.PostJsonAsync($"{url}/ratings", new { areaId = Area(area), factor = Factors[f], score = joint[f] });
                }
            }
        }

        var round = (await facilitator.PostJsonAsync($"/api/sessions/{session}/rounds", new { areaId = Area("HR / ER"), blind = true }, HttpStatusCode.Created)).Get<Guid>("roundId");
        await city.PostJsonAsync($"{url}/ratings", new { areaId = Area("HR / ER"), factor = "similarity", score = 3, roundId = round });
        await using var projector = await Person.OpenJoinLinkAsync(browser.Browser, app, facilitatorInvite.JoinUrl);
        await using var cathy = await Person.OpenJoinLinkAsync(browser.Browser, app, cathyInvite.JoinUrl);
        await cathy.OpenBoardAsync(id);
        await projector.OpenBoardAsync(id);
        await Expect(projector.Page.Locator(".presence [data-present=true]")).ToHaveCountAsync(2);
        await Expect(projector.Row("HR / ER").Locator("td[data-factor=similarity][data-divergent]")).ToBeVisibleAsync();
        await Expect(projector.Row("Payroll").Locator(".suggestion")).ToContainTextAsync("Model suggests Yes");
        await Expect(projector.Page.Locator("[data-round-factor=similarity] [data-rater=\"Cathy Ruiz\"]")).ToContainTextAsync("rated");

        var path = Path.Combine(Screenshots.OutputFolder, "board.png");
        await projector.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        new FileInfo(path).Length.ShouldBeGreaterThan(50_000);
        Screenshots.PublishIfAsked(path, "board.png");
    }
}
