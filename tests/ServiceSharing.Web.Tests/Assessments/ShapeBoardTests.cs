using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Assessments;

public sealed class ShapeBoardTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string[] Names(System.Text.Json.Nodes.JsonNode board) =>
        [.. board["areas"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())];

    [Fact]
    public async Task areas_are_renamed_reordered_and_retired_and_replay_shows_each_step()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "IT", "Mowing");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");
        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Mowing"], factor = "similarity", score = 3 });

        var renamed = await facilitator.PostJsonAsync($"{assessment.Url}/areas/{assessment.Areas["Payroll"]}/rename", new { name = "Central Payroll", rationale = "Its focus" });
        var reordered = await facilitator.PostJsonAsync($"{assessment.Url}/areas/order",
            new { areaIds = new[] { assessment.Areas["Mowing"], assessment.Areas["Payroll"], assessment.Areas["IT"] } });
        var retired = await facilitator.PostJsonAsync($"{assessment.Url}/areas/{assessment.Areas["Mowing"]}/retire", new { rationale = "Out of scope" });

        Names(await facilitator.GetJsonAsync(assessment.Url)).ShouldBe(["Central Payroll", "IT"]);
        Names(await facilitator.GetJsonAsync($"{assessment.Url}?version={renamed.Version()}")).ShouldBe(["Central Payroll", "IT", "Mowing"]);
        Names(await facilitator.GetJsonAsync($"{assessment.Url}?version={reordered.Version()}")).ShouldBe(["Mowing", "Central Payroll", "IT"]);
        var beforeRetiring = await facilitator.GetJsonAsync($"{assessment.Url}?version={retired.Version() - 1}");
        TestAssessment.Area(beforeRetiring, "Mowing")["ratings"]!["similarity"]!["city"]!.GetValue<double>().ShouldBe(3, "the retired area's rating stays in replay");

        var history = (await facilitator.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        var last = history[^1]!;
        (last["type"]!.GetValue<string>(), last["area"]!.GetValue<string>(), last["rationale"]!.GetValue<string>())
            .ShouldBe(("FunctionalAreaRetired", "Mowing", "Out of scope"));
        var rename = history.Single(e => e!["type"]!.GetValue<string>() == "FunctionalAreaRenamed")!;
        (rename["before"]!.GetValue<string>(), rename["after"]!.GetValue<string>()).ShouldBe(("Payroll", "Central Payroll"));
        (await facilitator.GetJsonAsync($"{assessment.Url}/history?areaId={assessment.Areas["Mowing"]}")).AsArray().Count
            .ShouldBe(3, "the area's history keeps its addition, its rating and its retirement");

        await (await reviewer.PostAsJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["Mowing"], factor = "similarity", score = 1 }))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task reviewers_and_observers_may_not_shape_the_board()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT", "Fleet");
        var it = assessment.Areas["IT"];
        foreach (var role in new[] { "reviewer", "observer" })
        {
            var client = await App.SignInAsync("Someone", "city", role);
            await (await client.PostAsJsonAsync($"{assessment.Url}/areas/{it}/rename", new { name = "Tech" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"{assessment.Url}/areas/{it}/retire", new { })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"{assessment.Url}/areas/order", new { areaIds = new[] { assessment.Areas["Fleet"], it } }))
                .ProblemAsync(HttpStatusCode.Forbidden);
        }

        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task bad_shaping_names_the_field_unknown_areas_are_404_and_nothing_is_written()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT", "Fleet");
        var it = assessment.Areas["IT"];
        var fleet = assessment.Areas["Fleet"];

        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{it}/rename", new { name = "" })).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{it}/rename", new { name = "fleet" })).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/order", new { areaIds = new[] { it } })).ProblemAsync(HttpStatusCode.BadRequest, "areaIds");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/order", new { areaIds = new[] { it, it } })).ProblemAsync(HttpStatusCode.BadRequest, "areaIds");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/order", new { areaIds = new[] { it, Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.BadRequest, "areaIds");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{Guid.NewGuid()}/rename", new { name = "X" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{Guid.NewGuid()}/retire", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.PostAsJsonAsync($"/api/assessments/{Guid.NewGuid()}/areas/{it}/retire", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{it}/rename", new { name = "Tech", expectedVersion = 1 })).ProblemAsync(HttpStatusCode.Conflict);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);

        await facilitator.PostJsonAsync($"{assessment.Url}/areas/{fleet}/retire", new { });
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas/{fleet}/retire", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }
}
