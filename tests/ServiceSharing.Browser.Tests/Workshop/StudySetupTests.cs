using ServiceSharing.Browser.Tests.Infrastructure;
using ServiceSharing.Web.Seed;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

/// <summary>A facilitator starts and shapes a study in the page, and anyone reads the study's phases and priorities.</summary>
public sealed class StudySetupTests(BrowserApp browser)
{
    [Fact]
    public async Task the_phases_view_dates_both_phases_and_opens_phase_2_as_it_was_put_on_hold()
    {
        await using var observer = await browser.JoinAsync("Olive Observer", "wpf", "observer");
        var page = observer.Page;
        await page.GotoAsync($"/#/assessments/{MilwaukeeStudy.AssessmentId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phases" }).ClickAsync();

        var phaseOne = page.Locator("table.phases tr[data-phase=phase-1]");
        var phaseTwo = page.Locator("table.phases tr[data-phase=phase-2]");
        await Expect(phaseOne).ToContainTextAsync("Completed");
        await Expect(phaseOne.Locator("[data-dates]")).ToContainTextAsync("November 1, 2023 – November 30, 2023");
        await Expect(phaseTwo).ToContainTextAsync("On hold");
        await Expect(phaseTwo.Locator("[data-dates]")).ToContainTextAsync("January 15, 2024 – March 1, 2024");
        await Axe.ExpectNoViolationsAsync(page, "phases");

        await phaseTwo.Locator("[data-snapshot=phase-2]").ClickAsync();
        await Expect(page.Locator("[data-scrubber]")).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex("snapshot “phase-2”"));
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(12);
    }

    [Fact]
    public async Task the_priority_areas_filter_shows_the_studys_six_priorities_by_their_focus_with_the_four_factors()
    {
        await using var observer = await browser.JoinAsync("Olive Observer", "wpf", "observer");
        var page = observer.Page;
        await observer.OpenBoardAsync(MilwaukeeStudy.AssessmentId);
        var filter = page.GetByRole(AriaRole.Button, new() { Name = "Priority areas" });
        await filter.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(filter).ToHaveAttributeAsync("aria-pressed", "true");
        var rows = page.Locator("table.board[data-filter=priorities] tbody th[data-focus]");
        await Expect(rows).ToHaveCountAsync(6);
        (await rows.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.focus)"))
            .ShouldBe(MilwaukeeStudy.Priorities.Select(p => p.Focus), ignoreOrder: true);
        await Expect(page.Locator("table.board thead th.factor-col")).ToHaveCountAsync(4);
        await Expect(page.Locator("table.board th[data-focus=\"Central Payroll\"]")).ToContainTextAsync("in Payroll");
        await Axe.ExpectNoViolationsAsync(page, "board filtered to priority areas");

        // The filter is kept in the address, so a reload shows the same table; pressing it again shows every area.
        await page.ReloadAsync();
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Button, new() { Name = "Priority areas" }).ClickAsync();
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(12);
    }

    [Fact]
    public async Task a_facilitator_starts_a_study_from_the_partnering_up_study_with_the_governments_names_and_the_wording()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var page = facilitator.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "New assessment" }).ClickAsync();
        await Expect(page.GetByLabel("Title", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(page.GetByLabel("First government (city side)")).ToHaveValueAsync("City");
        await Axe.ExpectNoViolationsAsync(page, "new assessment form");

        await page.Keyboard.TypeAsync("Madison and Dane County back offices");
        await page.GetByLabel("Partnering Up study").CheckAsync();
        await page.GetByLabel("First government (city side)").FillAsync("City of Madison");
        await page.GetByLabel("Second government (county side)").FillAsync("Dane County");
        await page.GetByLabel("Similarity: label").FillAsync("Same kind of work on both sides");
        await page.GetByLabel("Similarity: description (optional)").FillAsync("Do both governments do the same tasks?");
        await page.GetByLabel("Step 4", new() { Exact = true }).FillAsync("Very high");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Madison and Dane County back offices" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(10);
        await Expect(facilitator.Row("Payroll").Locator("td[data-factor=similarity] [data-side=city] .side-name")).ToHaveTextAsync("City of Madison");
        await Expect(facilitator.Row("Payroll").Locator("td[data-factor=similarity] [data-side=county] .side-name")).ToHaveTextAsync("Dane County");
        await Expect(page.Locator("table.board thead th[data-factor-col=similarity], table.board thead th.factor-col").First).ToContainTextAsync("Same kind of work on both sides");
        await Expect(facilitator.Score("Payroll", "similarity", "city")).ToHaveTextAsync("–");

        await facilitator.Row("Payroll").Locator("[data-rate=similarity]").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("4 Very high");
    }

    [Fact]
    public async Task a_facilitator_adds_renames_reorders_prioritizes_and_retires_areas_and_the_history_keeps_the_retired_one()
    {
        await using var facilitator = await browser.JoinAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(browser.App.ClientFor(facilitator.Invite!), "Payroll", "IT");
        var page = facilitator.Page;
        await facilitator.OpenBoardAsync(assessment.Id);
        await page.GetByRole(AriaRole.Link, new() { Name = "Areas", Exact = true }).ClickAsync();

        await page.GetByLabel("Area name").FillAsync("Mowing");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-areas-message]")).ToHaveTextAsync("Added Mowing.");
        var rows = page.Locator(".area-list > li");
        await Expect(rows).ToHaveCountAsync(3);

        var payroll = page.Locator(".area-list > li[data-area=Payroll]");
        await payroll.GetByLabel("Name of Payroll").FillAsync("Central Payroll");
        await payroll.GetByRole(AriaRole.Button, new() { Name = "Rename Payroll" }).ClickAsync();
        await Expect(page.Locator(".area-list > li[data-area=\"Central Payroll\"]")).ToBeVisibleAsync();

        var mowing = page.Locator(".area-list > li[data-area=Mowing]");
        await mowing.GetByRole(AriaRole.Button, new() { Name = "Move up Mowing" }).ClickAsync();
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-area", "Mowing");
        // Focus stays on the moved area's button, so a keyboard user can press it again.
        await Expect(mowing.GetByRole(AriaRole.Button, new() { Name = "Move up Mowing" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-area", "Mowing");

        await mowing.GetByLabel("Priority Mowing").CheckAsync();
        await mowing.GetByLabel("Focus of Mowing").FillAsync("Small engines and mowing");
        await mowing.GetByRole(AriaRole.Button, new() { Name = "Save priority of Mowing" }).ClickAsync();
        await Expect(page.Locator("[data-areas-message]")).ToContainTextAsync("Mowing is a priority");
        await Axe.ExpectNoViolationsAsync(page, "areas");

        await page.Locator(".area-list > li[data-area=IT]").GetByRole(AriaRole.Button, new() { Name = "Retire area IT" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);

        await page.GetByRole(AriaRole.Link, new() { Name = "Board", Exact = true }).ClickAsync();
        await Expect(page.Locator("table.board tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.board tbody tr").First).ToHaveAttributeAsync("data-area", "Mowing");
        await Expect(facilitator.Row("Mowing").Locator(".priority")).ToContainTextAsync("Small engines and mowing");

        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).First.ClickAsync();
        await Expect(page.Locator("table.history tr[data-field=retired]")).ToContainTextAsync("Area IT");
        await Expect(page.Locator("table.history tr[data-field=name]")).ToContainTextAsync("Central Payroll");
    }
}
