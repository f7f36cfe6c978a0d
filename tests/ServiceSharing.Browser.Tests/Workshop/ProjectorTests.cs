using System.Net;
using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Seed;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>The projector view on a wall: the whole seeded study on one 1920x1080 screen, the round live beside it.</summary>
public sealed class ProjectorTests(BrowserApp browser)
{
    [Fact]
    public async Task every_area_of_the_seeded_study_fits_a_1920x1080_wall_in_large_type_without_scrolling()
    {
        await using var observer = await browser.JoinAsync("Olive Observer", "wpf", "observer");
        var page = observer.Page;
        await page.SetViewportSizeAsync(1920, 1080);
        await observer.OpenBoardAsync(MilwaukeeStudy.AssessmentId);
        await page.GetByRole(AriaRole.Link, new() { Name = "Projector" }).ClickAsync();

        var rows = page.Locator("table.pj-board tbody tr");
        await Expect(rows).ToHaveCountAsync(12);
        for (var i = 0; i < 12; i++)
        {
            var box = (await rows.Nth(i).BoundingBoxAsync())!;
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(1080, $"row {i + 1} is on the screen");
        }

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).ShouldBeLessThanOrEqualTo(1080, "nothing to scroll");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1920, "nothing to scroll sideways");
        var areaType = await rows.First.Locator("th").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        areaType.ShouldBeGreaterThanOrEqualTo(24, "area names readable from the back of a room");
        var scoreType = await rows.First.Locator(".pj-score").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        scoreType.ShouldBeGreaterThanOrEqualTo(24);
        await Expect(page.Locator("tr[data-area=Payroll] .verdict")).ToHaveTextAsync("Yes");
        await Expect(page.Locator(".app-bar")).ToBeHiddenAsync();
        await Axe.ExpectNoViolationsAsync(page, "projector");
        await Screenshots.TakeAsync(page, "projector-seeded-study");
    }

    [Fact]
    public async Task the_projector_shows_the_round_in_progress_and_who_has_rated_live_without_a_score()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        var session = await rated.Facilitator.PostJsonAsync("/api/sessions", new { assessmentId = rated.Assessment.Id, title = "Wall workshop" }, HttpStatusCode.Created);
        var sessionId = session.Get<Guid>("id");
        var cathyInvite = await BrowserApp.InviteAsync(browser.App, "Cathy City", "city", "reviewer", sessionId);
        await BrowserApp.InviteAsync(browser.App, "Cody County", "county", "reviewer", sessionId);
        await using var wall = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        var page = wall.Page;
        await page.SetViewportSizeAsync(1920, 1080);
        await page.GotoAsync($"/#/assessments/{rated.Assessment.Id}/projector");
        await Expect(page.Locator(".pj-round")).ToContainTextAsync("No round is open");
        await wall.MarkPageAsync();

        var round = await rated.Facilitator.PostJsonAsync($"/api/sessions/{sessionId}/rounds",
            new { areaId = rated.Assessment.Areas["IT"], blind = true, factors = new[] { "similarity" } }, HttpStatusCode.Created);
        await Expect(page.Locator(".pj-round")).ToContainTextAsync("Round: IT");
        await Expect(page.Locator(".pj-round")).ToContainTextAsync("Blind vote in progress");
        await Expect(page.Locator("tr.pj-in-round")).ToHaveAttributeAsync("data-area", "IT");
        await Expect(page.Locator("[data-round-factor=similarity]")).ToContainTextAsync("0 of 2 rated");

        await browser.App.ClientFor(cathyInvite).PostJsonAsync($"{rated.Assessment.Url}/ratings",
            new { areaId = rated.Assessment.Areas["IT"], factor = "similarity", score = 4, roundId = round.Get<Guid>("roundId") });

        var cathy = page.Locator("[data-round-factor=similarity] [data-rater=\"Cathy City\"]");
        await Expect(cathy).ToHaveAttributeAsync("data-rated", "true");
        await Expect(cathy).Not.ToContainTextAsync("4");
        await Expect(page.Locator("[data-round-factor=similarity]")).ToContainTextAsync("1 of 2 rated");
        await Expect(page.Locator("[data-round-factor=similarity] [data-rater=\"Cody County\"]")).ToHaveAttributeAsync("data-rated", "false");
        (await wall.PageWasNotReloadedAsync()).ShouldBeTrue("the projector follows the room live");
        await Axe.ExpectNoViolationsAsync(page, "projector during a round");
    }
}
