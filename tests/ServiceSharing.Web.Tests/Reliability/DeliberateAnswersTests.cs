using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ServiceSharing.Web.Problems;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Reliability;

/// <summary>The examples behind the fuzz test's guarantees, one by one, each with the answer it must get.</summary>
public sealed class DeliberateAnswersTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task action_endpoints_take_no_body_and_accept_an_empty_one_or_an_empty_object()
    {
        var workshop = await Workshop.OpenAsync(App);
        var bodies = new Func<HttpContent?>[]
        {
            () => null,                                                          // curl -X POST
            () => new StringContent("", Encoding.UTF8, "application/json"),      // an empty body
            () => new StringContent("{}", Encoding.UTF8, "application/json"),    // {}
            () => new ByteArrayContent([])                                       // no content type at all
        };
        foreach (var body in bodies)
        {
            var round = await workshop.OpenRoundAsync(blind: true);
            (await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/rounds/{round}/reveal", body())).JsonAsync()).Version().ShouldBeGreaterThan(0);
            await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/undo", body())).JsonAsync();
            await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/rounds/{round}/revote", body())).JsonAsync();
            await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/rounds/{round}/reveal", body())).JsonAsync();
            await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/rounds/{round}/close", body())).JsonAsync();
            var unrevealed = await workshop.OpenRoundAsync(blind: true);
            await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/rounds/{unrevealed}/discard", body())).JsonAsync();
        }

        await (await workshop.Facilitator.PostAsync($"{workshop.Assessment.Url}/phases/phase-1/pause", null)).ProblemAsync(HttpStatusCode.NotFound);
        await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/phases", new { phase = "phase-1", name = "Phase I" });
        await (await workshop.Facilitator.PostAsync($"{workshop.Assessment.Url}/phases/phase-1/pause", null)).JsonAsync();
        await (await workshop.Facilitator.PostAsync($"{workshop.Assessment.Url}/phases/phase-1/resume", new StringContent("{}", Encoding.UTF8, "application/json"))).JsonAsync();
        await (await workshop.Facilitator.PostAsync($"{workshop.SessionUrl}/close", null)).JsonAsync();
    }

    [Fact]
    public async Task writes_on_an_unknown_assessment_are_404_and_write_nothing()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var area = assessment.Areas["Payroll"];
        var session = (await facilitator.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Not an assessment" }, HttpStatusCode.Created)).Get<Guid>("id");
        var writes = new (string Path, object Body)[]
        {
            ("verdicts", new { areaId = area, verdict = "Yes" }),
            ("phases", new { phase = "phase-2", name = "Phase II" }),
            ("areas", new { name = "Fleet" }),
            ("calibrations", new { areaIds = new[] { area } }),
            ("priorities", new { areaId = area, priority = true }),
            ("snapshots", new { label = "nope" }),
            ("ratings", new { areaId = area, factor = "similarity", score = 2 })
        };
        // Unknown: a random id, the empty id, and the id of a session (a stream, but not an assessment's).
        foreach (var unknown in new[] { Guid.NewGuid(), Guid.Empty, session })
        {
            foreach (var (path, body) in writes)
            {
                var problem = await (await facilitator.PostAsJsonAsync($"/api/assessments/{unknown}/{path}", body)).ProblemAsync(HttpStatusCode.NotFound);
                problem["type"]!.GetValue<string>().ShouldBe(ProblemTypes.For(404));
            }
        }

        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task malformed_ids_and_bodies_are_400_naming_the_field()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");

        await (await facilitator.GetAsync("/api/assessments/not-an-id")).ProblemAsync(HttpStatusCode.BadRequest, "id");
        await (await facilitator.PostAsync("/api/sessions/123/rounds/abc/reveal", null)).ProblemAsync(HttpStatusCode.BadRequest, "roundId");
        await (await facilitator.GetAsync($"{assessment.Url}?version=soon")).ProblemAsync(HttpStatusCode.BadRequest, "version");

        var wrongType = Json("""{"areaId":"x","factor":"similarity","score":"high"}""");
        var problem = await (await facilitator.PostAsync($"{assessment.Url}/ratings", wrongType)).ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Single().ShouldBeOneOf("areaId", "score");
        problem.ToJsonString().ShouldNotContain("ServiceSharing.Web", Case.Sensitive); // no .NET type names
        await (await facilitator.PostAsync("/api/sessions", Json("""{"assessmentId":null,"title":"t","quorum":{"city":"many"}}"""))).ProblemAsync(HttpStatusCode.BadRequest, "quorum.city");
        await (await facilitator.PostAsync($"{assessment.Url}/areas", Json("["))).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await facilitator.PostAsync($"{assessment.Url}/areas", Json(""))).ProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/areas", new { name = "Nul\0" })).ProblemAsync(HttpStatusCode.BadRequest, "name");

        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version);
    }

    [Fact]
    public async Task the_answers_of_the_framework_speak_the_same_problem_scheme()
    {
        using var anonymous = App.Anonymous();
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var html = new HttpRequestMessage(HttpMethod.Get, "/api/nowhere");
        html.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var answers = new (HttpResponseMessage Response, HttpStatusCode Status)[]
        {
            (await anonymous.GetAsync(assessment.Url), HttpStatusCode.Unauthorized),
            (await facilitator.GetAsync("/api/nowhere"), HttpStatusCode.NotFound),
            (await facilitator.SendAsync(html), HttpStatusCode.NotFound),
            (await facilitator.DeleteAsync(assessment.Url), HttpStatusCode.MethodNotAllowed),
            (await facilitator.PostAsync($"{assessment.Url}/areas", new StringContent("name=Fleet", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType),
            (await (await App.SignInAsync("Rita", "city", "reviewer")).PostAsJsonAsync($"{assessment.Url}/areas", new { name = "Fleet" }), HttpStatusCode.Forbidden)
        };
        foreach (var (response, status) in answers)
        {
            var problem = await response.ProblemAsync(status);
            problem["type"]!.GetValue<string>().ShouldBe(ProblemTypes.For((int)status));
            problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            problem["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
