using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Seed;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Assessments;

public sealed class StartStudyTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task a_study_started_from_partnering_up_has_its_ten_areas_and_the_chosen_wording_and_no_ratings()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var created = await facilitator.PostJsonAsync("/api/assessments", new
        {
            title = "Madison and Dane County",
            start = "partnering-up",
            governments = new { city = "City of Madison", county = "Dane County" },
            factors = new[] { new { key = "similarity", label = "Same kind of work", description = "Do both do the same tasks?" } },
            scale = new[] { new { score = 4, label = "Very high" } }
        }, HttpStatusCode.Created);
        created.Version().ShouldBe(11, "the creation and one event per area");

        var board = await facilitator.GetJsonAsync($"/api/assessments/{created.Get<Guid>("id")}");

        board["areas"]!.AsArray().Select(a => a!["name"]!.GetValue<string>())
            .ShouldBe(MilwaukeeStudy.InitialAssessment.Select(r => r.Area));
        board["areas"]!.AsArray().ShouldAllBe(a => a!["verdict"] == null && a["priority"]!.GetValue<bool>() == false);
        board["areas"]!.AsArray().SelectMany(a => a!["ratings"]!.AsObject().Select(r => r.Value))
            .ShouldAllBe(c => c!["city"] == null && c["county"] == null && c["joint"] == null);
        board["governments"]!["city"]!.GetValue<string>().ShouldBe("City of Madison");
        board["governments"]!["county"]!.GetValue<string>().ShouldBe("Dane County");
        var similarity = board["factors"]![0]!;
        similarity["label"]!.GetValue<string>().ShouldBe("Same kind of work");
        similarity["description"]!.GetValue<string>().ShouldBe("Do both do the same tasks?");
        board["factors"]![1]!["label"]!.GetValue<string>().ShouldStartWith("Potential for both personnel", customMessage: "factors left out keep the study's wording");
        board["scale"]!.AsArray().Select(s => s!["label"]!.GetValue<string>()).Last().ShouldBe("Very high");
        board["scale"]![0]!["label"]!.GetValue<string>().ShouldBe("None (empty ball)");
    }

    [Fact]
    public async Task a_blank_start_says_city_and_county_and_its_set_up_replays_from_the_first_event()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var created = await facilitator.PostJsonAsync("/api/assessments", new
        {
            title = "Blank study", start = "blank", areas = new[] { "Mowing" }, governments = new { city = " ", county = "" },
            factors = new[] { new { key = "centralization", label = "Central unit", description = (string?)null } }
        }, HttpStatusCode.Created);
        var url = $"/api/assessments/{created.Get<Guid>("id")}";

        var first = await facilitator.GetJsonAsync($"{url}?version=1");

        first["areas"]!.AsArray().Count.ShouldBe(0);
        first["governments"]!["city"]!.GetValue<string>().ShouldBe("City");
        first["governments"]!["county"]!.GetValue<string>().ShouldBe("County");
        first["factors"]![3]!["label"]!.GetValue<string>().ShouldBe("Central unit");
        (await facilitator.GetJsonAsync($"{url}?version=2"))["areas"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("Mowing");
        var history = (await facilitator.GetJsonAsync($"{url}/history")).AsArray();
        history.Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["AssessmentCreated", "FunctionalAreaAdded"]);
    }

    [Fact]
    public async Task the_starts_are_listed_for_the_form()
    {
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");
        var starts = (await reviewer.GetJsonAsync("/api/assessment-starts")).AsArray();

        starts.Select(s => s!["name"]!.GetValue<string>()).ShouldBe(["Blank", "Partnering Up study"]);
        starts[1]!["areas"]!.AsArray().Count.ShouldBe(10);
        starts[1]!["factors"]!.AsArray().Count.ShouldBe(4);
        starts[1]!["scale"]!.AsArray().Count.ShouldBe(5);
        starts[0]!["governments"]!["city"]!.GetValue<string>().ShouldBe("City");
    }

    [Fact]
    public async Task bad_starts_wording_and_names_are_refused_naming_the_field()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        // Other tests create assessments meanwhile: this one looks for its own title.
        var title = $"Refused {Guid.NewGuid():N}";

        async Task Refused(object body, string field) =>
            await (await facilitator.PostAsJsonAsync("/api/assessments", body)).ProblemAsync(HttpStatusCode.BadRequest, field);

        await Refused(new { title, start = "spreadsheet" }, "start");
        await Refused(new { title, start = "partnering-up", areas = new[] { "IT" } }, "areas");
        await Refused(new { title, governments = new { city = new string('c', 121) } }, "governments.city");
        await Refused(new { title, factors = new[] { new { key = "cost", label = "Cost" } } }, "factors[0].key");
        await Refused(new { title, factors = new[] { new { key = "similarity", label = "A" }, new { key = "Similarity", label = "B" } } }, "factors[1].key");
        await Refused(new { title, factors = new[] { new { key = "similarity", label = " " } } }, "factors[0].label");
        await Refused(new { title, scale = new[] { new { score = 5, label = "Beyond" } } }, "scale[0].score");
        await Refused(new { title, scale = new[] { new { score = 2, label = "" } } }, "scale[0].label");

        (await facilitator.GetJsonAsync("/api/assessments")).AsArray().ShouldNotContain(a => a!["title"]!.GetValue<string>() == title);
    }
}
