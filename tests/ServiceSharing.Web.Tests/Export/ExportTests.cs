using System.Net;
using System.Text;
using MiniExcelLibs;
using ServiceSharing.Web.Seed;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Export;

public sealed class ExportTests(SharedApp shared)
{
    private static string Url(Guid id, string format, string query = "") => $"/api/assessments/{id}/export.{format}{query}";

    private static List<string[]> ParseCsv(string text) =>
        // The exports here hold no quoted commas or line breaks except where a test puts them on purpose.
        text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();

    [Fact]
    public async Task the_csv_of_a_snapshot_is_the_board_as_it_stood_then_one_row_per_area()
    {
        using var observer = await shared.App.SignInAsync("Olive", "wpf", "observer");
        var response = await observer.GetAsync(Url(MilwaukeeStudy.AssessmentId, "csv", "?snapshot=phase-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("board-phase-1.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a BOM, so Excel reads the en dashes of the study as UTF-8");
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes));

        rows[0].ShouldBe([
            "Area", "Priority", "Priority focus",
            "Similarity (city)", "Similarity (county)", "Similarity (joint)",
            "Efficiencies (city)", "Efficiencies (county)", "Efficiencies (joint)",
            "Challenges (city)", "Challenges (county)", "Challenges (joint)",
            "Centralization (city)", "Centralization (county)", "Centralization (joint)",
            "Overall", "Next steps", "Model score", "Model suggests"]);
        rows.Skip(1).Select(r => r[0]).ShouldBe(MilwaukeeStudy.InitialAssessment.Select(a => a.Area));
        var payroll = rows.Single(r => r[0] == "Payroll");
        payroll[15].ShouldBe("Yes");
        payroll[16].ShouldBe("Some level of combination – from software through processes to operations and staff");
        payroll[1].ShouldBe("no", "the priorities were set after Phase I");
    }

    [Fact]
    public async Task the_csv_and_the_workbook_hold_the_boards_values_at_the_version_asked_for()
    {
        using var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        using var reviewer = await shared.App.SignInAsync("Cathy", "city", "reviewer");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "IT");
        var payroll = assessment.Areas["Payroll"];
        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 3 });
        var rated = await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = payroll, factor = "similarity", score = 2 });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = payroll, verdict = "Maybe", nextSteps = "=HYPERLINK(\"http://x\"), then \"talk\"" });

        var now = ParseCsv(await facilitator.GetStringAsync(Url(assessment.Id, "csv")));
        now[1][0].ShouldBe("Payroll");
        now[1][3].ShouldBe("3");
        now[1][5].ShouldBe("2");
        var text = await facilitator.GetStringAsync(Url(assessment.Id, "csv"));
        text.ShouldContain("Maybe,\"'=HYPERLINK(\"\"http://x\"\"), then \"\"talk\"\"\"", Case.Sensitive,
            "quoted per RFC 4180, and a formula is defused with an apostrophe");

        var before = ParseCsv(await facilitator.GetStringAsync(Url(assessment.Id, "csv", $"?version={rated.Version() - 1}")));
        before[1][3].ShouldBe("3");
        before[1][5].ShouldBe("", "the joint rating came one version later");
        before[1][15].ShouldBe("");

        var response = await facilitator.GetAsync(Url(assessment.Id, "xlsx", $"?version={rated.Version()}"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"board-v{rated.Version()}.xlsx");
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(workbook).ShouldBe(["Board", "About"]);
        var board = workbook.Query(useHeaderRow: true, sheetName: "Board").Cast<IDictionary<string, object?>>().ToList();
        board.Select(r => r["Area"]).ShouldBe(["Payroll", "IT"]);
        Convert.ToDouble(board[0]["Similarity (city)"]).ShouldBe(3);
        Convert.ToDouble(board[0]["Similarity (joint)"]).ShouldBe(2);
        board[0]["Overall"].ShouldBeNull();
        var about = workbook.Query(useHeaderRow: true, sheetName: "About").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Field"]!, r => r["Value"]);
        about["Point"].ShouldBe($"version {rated.Version()}");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task exports_are_refused_as_problems_naming_the_field(string format)
    {
        using var anonymous = shared.App.Anonymous();
        (await anonymous.GetAsync(Url(MilwaukeeStudy.AssessmentId, format))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var observer = await shared.App.SignInAsync("Olive", "wpf", "observer");
        await (await observer.GetAsync(Url(MilwaukeeStudy.AssessmentId, format, "?version=2&snapshot=phase-1"))).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await observer.GetAsync(Url(MilwaukeeStudy.AssessmentId, format, "?version=100000"))).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await observer.GetAsync(Url(MilwaukeeStudy.AssessmentId, format, "?snapshot=no-such"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await observer.GetAsync(Url(Guid.NewGuid(), format))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
