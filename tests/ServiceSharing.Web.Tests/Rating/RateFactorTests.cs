using System.Net;
using System.Net.Http.Json;
using System.Text;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Rating;

public sealed class RateFactorTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task the_board_shows_the_median_of_each_orgs_reviewers_and_the_facilitators_joint_rating()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var area = assessment.Areas["Payroll"];
        var city1 = await App.SignInAsync("City One", "city", "reviewer");
        var city2 = await App.SignInAsync("City Two", "city", "reviewer");
        var county = await App.SignInAsync("County One", "county", "reviewer");

        await city1.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 2 });
        await city2.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 3, rationale = "Same payroll software" });
        await county.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 1 });
        var last = await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 2 });
        last.Version().ShouldBe(assessment.Version + 4);

        var cell = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "Payroll")["ratings"]!["similarity"]!;
        cell["city"]!.GetValue<double>().ShouldBe(2.5);
        cell["county"]!.GetValue<double>().ShouldBe(1);
        cell["joint"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task a_changed_rating_is_a_new_event_and_only_the_latest_counts()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cole", "county", "reviewer");

        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "challenges", score = 1 });
        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "challenges", score = 4, rationale = "Help desk backlog" });

        var cell = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "IT")["ratings"]!["challenges"]!;
        cell["county"]!.GetValue<double>().ShouldBe(4);
        var history = (await facilitator.GetJsonAsync($"{assessment.Url}/history?factor=challenges")).AsArray();
        history.Count.ShouldBe(2);
        history[1]!["before"]!.GetValue<int>().ShouldBe(1);
        history[1]!["after"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task observers_may_not_rate()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var observer = await App.SignInAsync("Olive", "city", "observer");

        await (await observer.PostAsJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 2 }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task a_reviewer_rates_for_their_own_org_whatever_the_body_claims()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var cityReviewer = await App.SignInAsync("Cathy", "city", "reviewer");

        await cityReviewer.PostJsonAsync($"{assessment.Url}/ratings",
            new { areaId = assessment.Areas["IT"], factor = "similarity", score = 3, org = "county", reviewerId = Guid.NewGuid() });

        var cell = TestAssessment.Area(await facilitator.GetJsonAsync(assessment.Url), "IT")["ratings"]!["similarity"]!;
        cell["city"]!.GetValue<double>().ShouldBe(3);
        cell["county"].ShouldBeNull();
    }

    public static TheoryData<string, string> BadRatings => new()
    {
        { """{"factor":"similarity","score":2}""", "areaId" },
        { """{"areaId":"AREA","factor":"cost","score":2}""", "factor" },
        { """{"areaId":"AREA","factor":"similarity","score":5}""", "score" },
        { """{"areaId":"AREA","factor":"similarity","score":-1}""", "score" },
        { """{"areaId":"AREA","factor":"similarity"}""", "score" },
        { """{"areaId":"AREA","factor":"similarity","score":2,"rationale":"LONG"}""", "rationale" }
    };

    [Theory]
    [MemberData(nameof(BadRatings))]
    public async Task bad_ratings_name_the_field_and_write_nothing(string json, string field)
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");
        var body = json.Replace("AREA", assessment.Areas["IT"].ToString()).Replace("LONG", new string('r', 2001));

        var response = await reviewer.PostAsync($"{assessment.Url}/ratings", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task malformed_json_is_a_400_problem_and_writes_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");

        var response = await reviewer.PostAsync($"{assessment.Url}/ratings",
            new StringContent($$"""{"areaId":"{{assessment.Areas["IT"]}}","factor":"similarity","score":"three"}""", Encoding.UTF8, "application/json"));

        // The unreadable value is named as a field, like every other validation error.
        await response.ProblemAsync(HttpStatusCode.BadRequest, "score");
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task an_unknown_area_or_assessment_is_404_and_writes_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");

        await (await reviewer.PostAsJsonAsync($"{assessment.Url}/ratings", new { areaId = Guid.NewGuid(), factor = "similarity", score = 2 }))
            .ProblemAsync(HttpStatusCode.NotFound);
        (await reviewer.PostAsJsonAsync($"/api/assessments/{Guid.NewGuid()}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task a_stale_expected_version_is_a_409_and_writes_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");
        var area = assessment.Areas["IT"];

        var first = await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "similarity", score = 2, expectedVersion = assessment.Version });
        first.Version().ShouldBe(assessment.Version + 1);

        var conflict = await (await reviewer.PostAsJsonAsync($"{assessment.Url}/ratings",
            new { areaId = area, factor = "similarity", score = 4, expectedVersion = assessment.Version })).ProblemAsync(HttpStatusCode.Conflict);
        conflict["currentVersion"]!.GetValue<long>().ShouldBe(assessment.Version + 1);
        conflict["title"]!.GetValue<string>().ShouldBe("The assessment has changed.");

        var board = await facilitator.GetJsonAsync(assessment.Url);
        board.Version().ShouldBe(assessment.Version + 1);
        TestAssessment.Area(board, "IT")["ratings"]!["similarity"]!["city"]!.GetValue<double>().ShouldBe(2);
    }

    [Fact]
    public async Task many_raters_posting_at_once_without_expected_version_all_succeed_and_all_are_in_the_history()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Procurement");
        var raters = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => App.SignInAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer")));
        string[] factors = ["similarity", "efficiencies", "challenges", "centralization"];

        var posts = raters.SelectMany((rater, i) => factors.Select((factor, f) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{assessment.Url}/ratings")
            {
                Content = JsonContent.Create(new { areaId = assessment.Areas[(i + f) % 2 == 0 ? "Payroll" : "Procurement"], factor, score = (i + f) % 5, rationale = $"r{i}-{factor}" })
            };
            request.Headers.Add("X-Correlation-Id", $"c{i}-{factor}");
            return rater.SendAsync(request);
        }));
        var responses = await Task.WhenAll(posts);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var versions = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).Version()));
        versions.Distinct().Count().ShouldBe(48, "each accepted rating got a version of its own");

        var history = (await facilitator.GetJsonAsync($"{assessment.Url}/history?since={assessment.Version}")).AsArray();
        history.Count.ShouldBe(48);
        history.Select(h => h!["rationale"]!.GetValue<string>()).Distinct().Count().ShouldBe(48);
        history.Select(h => h!.Version()).ShouldBe(versions.Order());
        // Ratings that queued behind one another are committed together: each event still names its own rater and request.
        foreach (var entry in history)
        {
            var rater = entry!["rationale"]!.GetValue<string>().Split('-')[0][1..];
            entry["actor"]!["name"]!.GetValue<string>().ShouldBe($"Rater {rater}");
            entry["correlationId"]!.GetValue<string>().ShouldBe($"c{rater}-{entry["factor"]!.GetValue<string>()}");
        }

        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version + 48);
    }

    [Fact]
    public async Task of_many_raters_sending_the_same_expected_version_at_once_one_is_accepted_and_the_others_are_409()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var raters = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => App.SignInAsync($"Rater {i}", i % 2 == 0 ? "city" : "county", "reviewer")));

        var responses = await Task.WhenAll(raters.Select((rater, i) => rater.PostAsJsonAsync($"{assessment.Url}/ratings",
            new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = i % 5, expectedVersion = assessment.Version })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            problem["currentVersion"]!.GetValue<long>().ShouldBe(assessment.Version + 1);
        }

        (await facilitator.GetJsonAsync($"{assessment.Url}/history?since={assessment.Version}")).AsArray().Count.ShouldBe(1);
    }
}
