using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Assessments;

public sealed class AssessmentTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task a_facilitator_creates_an_assessment_with_its_areas_and_adds_one_later()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var created = await facilitator.PostJsonAsync("/api/assessments", new { title = "Shared mowing", areas = new[] { "Parks", "Fleet" } }, HttpStatusCode.Created);
        created.Version().ShouldBe(3);
        var id = created.Get<Guid>("id");

        var added = await facilitator.PostJsonAsync($"/api/assessments/{id}/areas", new { name = "Small engines" }, HttpStatusCode.Created);
        added.Version().ShouldBe(4);

        var board = await facilitator.GetJsonAsync($"/api/assessments/{id}");
        board["title"]!.GetValue<string>().ShouldBe("Shared mowing");
        board.Version().ShouldBe(4);
        board["areas"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ShouldBe(["Parks", "Fleet", "Small engines"]);
        TestAssessment.Area(board, "Small engines").Get<Guid>("id").ShouldBe(added.Get<Guid>("areaId"));
        TestAssessment.Area(board, "Parks")["verdict"].ShouldBeNull();

        var list = (await facilitator.GetJsonAsync("/api/assessments")).AsArray();
        var summary = list.Single(a => a!.Get<Guid>("id") == id)!;
        summary.Version().ShouldBe(4);
        summary["status"]!.GetValue<string>().ShouldBe("active");
    }

    [Fact]
    public async Task reviewers_and_observers_may_not_create_assessments()
    {
        foreach (var role in new[] { "reviewer", "observer" })
        {
            var client = await App.SignInAsync("Someone", "city", role);
            await (await client.PostAsJsonAsync("/api/assessments", new { title = "Nope", areas = Array.Empty<string>() }))
                .ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task bad_assessments_and_areas_name_the_field_and_write_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        await (await facilitator.PostAsJsonAsync("/api/assessments", new { title = "", areas = Array.Empty<string>() }))
            .ProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await facilitator.PostAsJsonAsync("/api/assessments", new { title = new string('t', 201) }))
            .ProblemAsync(HttpStatusCode.BadRequest, "title");
        await (await facilitator.PostAsJsonAsync("/api/assessments", new { title = "Dupes", areas = new[] { "IT", "it" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "areas");

        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas", new { name = " " })).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas", new { name = "it" })).ProblemAsync(HttpStatusCode.BadRequest, "name");
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task unknown_assessments_are_404()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var unknown = $"/api/assessments/{Guid.NewGuid()}";
        await (await facilitator.GetAsync(unknown)).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{unknown}/history")).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{unknown}/snapshots")).ProblemAsync(HttpStatusCode.NotFound);
        (await facilitator.PostAsJsonAsync($"{unknown}/areas", new { name = "X" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
