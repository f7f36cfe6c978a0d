using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>Idempotency-Key on POST (IETF httpapi draft): a retry records once, whatever happened to the first answer.</summary>
public sealed class SafeRetryTests(SharedApp shared)
{
    private const string Replayed = "Idempotent-Replayed";

    [Fact]
    public async Task the_same_key_and_body_answer_the_first_answer_again_and_write_nothing()
    {
        var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        var reviewer = await shared.App.SignInAsync("Cathy", "city", "reviewer");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var rating = new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 3, rationale = "once" };
        var verdict = new { areaId = assessment.Areas["Payroll"], verdict = "Yes" };
        var creation = new { title = $"Keyed {Guid.NewGuid():N}", areas = new[] { "Fleet" } };

        // Through the rating queue, through a Wolverine transaction, and a creation (201 with Location).
        foreach (var (client, url, body, status) in new (HttpClient, string, object, HttpStatusCode)[]
                 {
                     (reviewer, $"{assessment.Url}/ratings", rating, HttpStatusCode.OK),
                     (facilitator, $"{assessment.Url}/verdicts", verdict, HttpStatusCode.OK),
                     (facilitator, "/api/assessments", creation, HttpStatusCode.Created)
                 })
        {
            var key = Guid.NewGuid().ToString();
            var first = await client.PostWithKeyAsync(url, body, key);
            var firstBody = await first.Content.ReadAsStringAsync();
            first.StatusCode.ShouldBe(status, firstBody);
            var versionAfterFirst = (await client.GetJsonAsync(assessment.Url)).Version();

            var again = await client.PostWithKeyAsync(url, body, key);
            again.StatusCode.ShouldBe(status, url);
            again.Headers.GetValues(Replayed).ShouldBe(["true"]);
            (await again.JsonAsync(status)).ToJsonString().ShouldBe(System.Text.Json.Nodes.JsonNode.Parse(firstBody)!.ToJsonString());
            again.Headers.Location.ShouldBe(first.Headers.Location);
            (await client.GetJsonAsync(assessment.Url)).Version().ShouldBe(versionAfterFirst, $"a replay of {url} writes nothing");
        }

        var history = (await reviewer.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        history.Count(e => e!["rationale"]?.GetValue<string>() == "once").ShouldBe(1);
        history.Count(e => e!["type"]!.GetValue<string>() == "VerdictRecorded").ShouldBe(1);
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_422_and_writes_nothing()
    {
        var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var url = $"{assessment.Url}/ratings";
        var key = Guid.NewGuid().ToString();
        (await facilitator.PostWithKeyAsync(url, new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 3 }, key))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = (await facilitator.GetJsonAsync(assessment.Url)).Version();

        var reused = await facilitator.PostWithKeyAsync(url, new { areaId = assessment.Areas["Payroll"], factor = "similarity", score = 1 }, key);

        var problem = await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        problem["title"]!.GetValue<string>().ShouldContain("another request");
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(version);
    }

    [Fact]
    public async Task one_participants_key_never_answers_for_another()
    {
        var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var city = await shared.App.SignInAsync("Cathy", "city", "reviewer");
        var county = await shared.App.SignInAsync("Cole", "county", "reviewer");
        var body = new { areaId = assessment.Areas["Payroll"], factor = "challenges", score = 2, rationale = "shared key" };
        var key = "the-same-key-" + Guid.NewGuid();

        var fromCity = await (await city.PostWithKeyAsync($"{assessment.Url}/ratings", body, key)).JsonAsync();
        var fromCounty = await county.PostWithKeyAsync($"{assessment.Url}/ratings", body, key);

        fromCounty.Headers.Contains(Replayed).ShouldBeFalse();
        (await fromCounty.JsonAsync()).Version().ShouldBe(fromCity.Version() + 1);
        var history = (await city.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        history.Where(e => e!["rationale"]?.GetValue<string>() == "shared key").Select(e => e!["org"]!.GetValue<string>())
            .ShouldBe(["city", "county"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_duplicate_that_arrives_while_the_first_is_running_is_409_and_the_first_answer_follows()
    {
        var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var url = $"{assessment.Url}/verdicts";
        var body = new { areaId = assessment.Areas["Payroll"], verdict = "Maybe", rationale = "while running" };
        var key = Guid.NewGuid().ToString();

        Task<HttpResponseMessage> first;
        await using (await KeyedRequests.HoldAssessmentAsync(shared.App, assessment.Id))
        {
            first = facilitator.PostWithKeyAsync(url, body, key);
            await Task.Delay(500); // the first is now waiting for the lock this test holds
            first.IsCompleted.ShouldBeFalse();

            var duplicate = await facilitator.PostWithKeyAsync(url, body, key);

            var problem = await duplicate.ProblemAsync(HttpStatusCode.Conflict, "Idempotency-Key");
            problem["title"]!.GetValue<string>().ShouldContain("still running");
        }

        var answer = await (await first.WaitAsync(TimeSpan.FromSeconds(20))).JsonAsync();
        var later = await facilitator.PostWithKeyAsync(url, body, key);
        (await later.JsonAsync()).Version().ShouldBe(answer.Version());
        (await facilitator.GetJsonAsync($"{assessment.Url}/history")).AsArray()
            .Count(e => e!["rationale"]?.GetValue<string>() == "while running").ShouldBe(1);
    }

    [Fact]
    public async Task a_retry_with_the_same_key_after_the_connection_was_cut_records_the_rating_once()
    {
        var facilitator = await shared.App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        var invite = await shared.App.InviteAsync("Cathy", "city", "reviewer");
        var reviewer = shared.App.ClientFor(invite);
        var url = $"{assessment.Url}/ratings";
        var body = new { areaId = assessment.Areas["Payroll"], factor = "efficiencies", score = 4, rationale = "cut off" };
        var key = Guid.NewGuid().ToString();

        await using (await KeyedRequests.HoldAssessmentAsync(shared.App, assessment.Id))
        {
            using var cut = await KeyedRequests.SendUnansweredAsync(shared.App.BaseAddress, url, invite.Token, body, key);
            await Task.Delay(500); // the rating is queued behind the lock: it will be written, its answer will not arrive
            cut.Close();
        }

        // The client never saw an answer, so it retries with the same key until it gets one (409 while the first runs).
        var retry = await reviewer.PostWithKeyAsync(url, body, key);
        for (var attempt = 0; retry.StatusCode == HttpStatusCode.Conflict && attempt < 100; attempt++)
        {
            await Task.Delay(100);
            retry = await reviewer.PostWithKeyAsync(url, body, key);
        }

        var answer = await retry.JsonAsync();
        retry.Headers.GetValues(Replayed).ShouldBe(["true"], "the first request was written; the retry only answers it");
        var history = (await reviewer.GetJsonAsync($"{assessment.Url}/history")).AsArray();
        history.Where(e => e!["rationale"]?.GetValue<string>() == "cut off").Select(e => e!.Version()).ShouldBe([answer.Version()]);
    }
}
