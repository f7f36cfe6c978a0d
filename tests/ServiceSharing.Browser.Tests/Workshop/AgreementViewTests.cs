using System.Globalization;
using System.Text.Json.Nodes;
using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class AgreementViewTests(BrowserApp browser)
{
    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    [Fact]
    public async Task the_heat_map_and_the_statistics_show_what_the_api_computes_and_follow_the_replayed_version()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await using var facilitator = await Person.OpenJoinLinkAsync(browser.Browser, browser.App, rated.FacilitatorInvite.JoinUrl);
        await facilitator.OpenBoardAsync(rated.Assessment.Id, "agreement");
        var page = facilitator.Page;
        var api = await rated.Facilitator.GetJsonAsync($"{rated.Assessment.Url}/agreement");

        await ExpectHeatMapAsync(page, api);
        foreach (var factor in Factors)
        {
            var stats = api["byFactor"]![factor]!;
            var row = page.Locator($"table.agreement-factors tr[data-factor={factor}]");
            await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(Three(stats["alpha"]));
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(stats["alphaReading"]!.GetValue<string>());
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(Three(stats["kappaCityCounty"]));
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(stats["kappaCityCountyReading"]!.GetValue<string>());
        }
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Reading (Landis & Koch 1977)" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.sensitivity tr[data-area=Payroll]")).ToContainTextAsync("Yes");
        await Screenshots.TakeAsync(page, "agreement");

        // An earlier point: the page follows ?version= and shows the agreement as it was then.
        var early = rated.Assessment.Version + 8; // Payroll rated by both city reviewers, nobody from the county yet
        await page.GotoAsync($"/#/assessments/{rated.Assessment.Id}/agreement?version={early}");
        await Expect(page.Locator(".page-head")).ToContainTextAsync($"Agreement at version {early}");
        await ExpectHeatMapAsync(page, await rated.Facilitator.GetJsonAsync($"{rated.Assessment.Url}/agreement?version={early}"));
        await Expect(page.Locator("tr[data-area=Payroll] td[data-factor=similarity] .heat-number")).ToHaveTextAsync("–");
    }

    private static async Task ExpectHeatMapAsync(IPage page, JsonNode api)
    {
        foreach (var area in api["byArea"]!.AsArray())
        {
            foreach (var factor in Factors)
            {
                var diff = area!["byFactor"]![factor]!["cityMinusCounty"];
                var cell = page.Locator($"table.heat tr[data-area=\"{area["name"]!.GetValue<string>()}\"] td[data-factor={factor}] .heat-number");
                await Expect(cell).ToHaveTextAsync(Signed(diff));
            }
        }
    }

    private static string Signed(JsonNode? value)
    {
        if (value is null)
        {
            return "–";
        }

        var d = Math.Round(value.GetValue<double>(), 2);
        var text = Math.Abs(d).ToString(CultureInfo.InvariantCulture);
        return d > 0 ? "+" + text : d < 0 ? "−" + text : "0";
    }

    private static string Three(JsonNode? value) => value is null
        ? "–"
        : value.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture).Replace("0.", ".");
}
