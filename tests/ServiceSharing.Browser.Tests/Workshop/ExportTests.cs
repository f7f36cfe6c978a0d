using ServiceSharing.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServiceSharing.Browser.Tests.Workshop;

public sealed class ExportTests(BrowserApp browser)
{
    [Fact]
    public async Task the_csv_download_has_one_row_per_area_with_what_the_board_shows()
    {
        var rated = await RatedBoard.CreateAsync(browser.App);
        await using var reviewer = await browser.JoinAsync("Cathy City", "city", "reviewer");
        await reviewer.OpenBoardAsync(rated.Assessment.Id);
        var page = reviewer.Page;
        await Expect(reviewer.Verdict("Payroll")).ToHaveTextAsync("Yes");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=csv]").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var csv = Csv.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));

        var header = csv[0];
        header.Take(3).ShouldBe(["Area", "Priority", "Priority focus"]);
        var rows = csv.Skip(1).ToList();
        rows.Select(r => r[0]).ShouldBe(RatedBoard.Areas);
        string Column(string[] row, string name) => row[Array.IndexOf(header, name)];

        foreach (var row in rows)
        {
            var area = row[0];
            var onBoard = reviewer.Row(area);
            (await onBoard.Locator("td[data-column=overall] .verdict").TextContentAsync()).ShouldBe(Column(row, "Overall") is { Length: > 0 } v ? v : "No verdict");
            (await onBoard.Locator("td[data-column=nextSteps]").TextContentAsync()).ShouldBe(Column(row, "Next steps"));
            (await onBoard.Locator(".priority").CountAsync() > 0).ShouldBe(Column(row, "Priority") == "yes");
            foreach (var factor in new[] { "similarity", "efficiencies", "challenges", "centralization" })
            {
                foreach (var side in new[] { "city", "county", "joint" })
                {
                    var shown = await reviewer.Score(area, factor, side).TextContentAsync();
                    var exported = Column(row, $"{char.ToUpperInvariant(factor[0])}{factor[1..]} ({side})");
                    shown.ShouldBe(exported.Length == 0 ? "–" : exported, $"{area} {factor} {side}");
                }
            }
        }
    }
}

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.</summary>
public static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else if (c != '\uFEFF') field.Append(c);
        }

        return rows;
    }
}
