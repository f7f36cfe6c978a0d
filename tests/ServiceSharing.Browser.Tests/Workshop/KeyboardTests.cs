using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class KeyboardTests(BrowserApp browser)
{
    [Fact]
    public async Task a_reviewer_rates_a_cell_with_the_keyboard_alone()
    {
        var facilitator = await browser.App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Audit");
        await using var reviewer = await browser.JoinAsync("Cathy City", "city", "reviewer");
        await reviewer.OpenBoardAsync(assessment.Id);
        var page = reviewer.Page;

        // Tab from the top of the page to Audit's efficiencies cell: every control on the way is reachable.
        var target = $"{assessment.Areas["Audit"]}:efficiencies";
        var reached = false;
        for (var presses = 0; presses < 80 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("key => document.activeElement?.dataset.focusKey === key", target);
        }
        reached.ShouldBeTrue("Tab reaches the cell's rating button");

        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("input[name=score]").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");     // 0
        await page.Keyboard.PressAsync("ArrowDown"); // 1
        await page.Keyboard.PressAsync("ArrowDown"); // 2
        await page.Keyboard.PressAsync("ArrowDown"); // 3
        await Expect(dialog.Locator("input[name=score][value=\"3\"]")).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(dialog.GetByLabel("Rationale (optional)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Both audit the same kinds of programmes.");
        await page.Keyboard.PressAsync("Tab");       // the history link
        await page.Keyboard.PressAsync("Tab");       // Cancel
        await page.Keyboard.PressAsync("Tab");       // Save rating
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Save rating" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(reviewer.Score("Audit", "efficiencies", "city")).ToHaveTextAsync("3");
        // Focus comes back to the cell, also after the live update redrew the board.
        await Expect(page.Locator($"[data-focus-key=\"{target}\"]")).ToBeFocusedAsync();

        var history = await facilitator.GetJsonAsync($"{assessment.Url}/history?areaId={assessment.Areas["Audit"]}&factor=efficiencies");
        history.AsArray().Single()!["rationale"]!.GetValue<string>().ShouldBe("Both audit the same kinds of programmes.");
    }

    [Fact]
    public async Task escape_closes_the_rating_dialog_without_saving_and_returns_focus_to_the_cell()
    {
        var facilitator = await browser.App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        await using var reviewer = await browser.JoinAsync("Cody County", "county", "reviewer");
        await reviewer.OpenBoardAsync(assessment.Id);
        var cell = reviewer.Row("Payroll").Locator("[data-rate=similarity]");

        await cell.FocusAsync();
        await reviewer.Page.Keyboard.PressAsync("Enter");
        await Expect(reviewer.Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await reviewer.Page.Keyboard.PressAsync("Escape");

        await Expect(reviewer.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(cell).ToBeFocusedAsync();
        (await facilitator.GetJsonAsync($"{assessment.Url}/history?areaId={assessment.Areas["Payroll"]}&factor=similarity")).AsArray().ShouldBeEmpty();
    }
}
