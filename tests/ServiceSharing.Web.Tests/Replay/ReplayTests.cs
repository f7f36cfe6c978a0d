using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Replay;

public sealed class ReplayTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task the_board_replays_exactly_at_a_version_a_moment_and_a_snapshot()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Procurement");
        var area = assessment.Areas["Procurement"];
        var reviewer = await App.SignInAsync("Cole", "county", "reviewer");

        var first = await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "centralization", score = 1 });
        var snapshot = await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "workshop-2026-02-03" }, HttpStatusCode.Created);
        snapshot.Version().ShouldBe(first.Version() + 1);
        snapshot["label"]!.GetValue<string>().ShouldBe("workshop-2026-02-03");
        await Task.Delay(50); // the next change must fall after the snapshot's moment
        await reviewer.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = area, factor = "centralization", score = 4 });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = area, verdict = "Yes" });

        double? CountyCentralization(System.Text.Json.Nodes.JsonNode board) =>
            TestAssessment.Area(board, "Procurement")["ratings"]!["centralization"]!["county"]?.GetValue<double>();

        var atVersion = await facilitator.GetJsonAsync($"{assessment.Url}?version={first.Version()}");
        atVersion.Version().ShouldBe(first.Version());
        CountyCentralization(atVersion).ShouldBe(1);

        var atCreation = await facilitator.GetJsonAsync($"{assessment.Url}?version=1");
        atCreation["areas"]!.AsArray().Count.ShouldBe(0);

        var atSnapshot = await facilitator.GetJsonAsync($"{assessment.Url}?snapshot=workshop-2026-02-03");
        atSnapshot.Version().ShouldBe(snapshot.Version());
        CountyCentralization(atSnapshot).ShouldBe(1);
        TestAssessment.Area(atSnapshot, "Procurement")["verdict"].ShouldBeNull();

        var at = Uri.EscapeDataString(snapshot.Get<DateTimeOffset>("at").AddMilliseconds(1).ToString("O"));
        var asOf = await facilitator.GetJsonAsync($"{assessment.Url}?asOf={at}");
        asOf.Version().ShouldBe(snapshot.Version());

        var now = await facilitator.GetJsonAsync(assessment.Url);
        CountyCentralization(now).ShouldBe(4);
        TestAssessment.Area(now, "Procurement")["verdict"]!.GetValue<string>().ShouldBe("Yes");

        var snapshots = (await facilitator.GetJsonAsync($"{assessment.Url}/snapshots")).AsArray();
        snapshots.Count.ShouldBe(1);
        snapshots[0]!.Version().ShouldBe(snapshot.Version());
    }

    [Fact]
    public async Task points_that_do_not_exist_are_refused_clearly()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");

        await (await facilitator.GetAsync($"{assessment.Url}?version=999")).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await facilitator.GetAsync($"{assessment.Url}?version=0")).ProblemAsync(HttpStatusCode.BadRequest, "version");
        await (await facilitator.GetAsync($"{assessment.Url}?snapshot=nope")).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{assessment.Url}?asOf=2001-01-01T00:00:00Z")).ProblemAsync(HttpStatusCode.NotFound);
        await (await facilitator.GetAsync($"{assessment.Url}?version=abc")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await facilitator.GetAsync($"{assessment.Url}?version=2&snapshot=x")).ProblemAsync(HttpStatusCode.BadRequest, "version");
    }

    [Fact]
    public async Task snapshot_labels_are_checked_and_name_one_point_for_good()
    {
        var facilitator = await App.SignInAsync("Fran", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var reviewer = await App.SignInAsync("Cathy", "city", "reviewer");

        await (await reviewer.PostAsJsonAsync($"{assessment.Url}/snapshots", new { label = "mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/snapshots", new { label = "" })).ProblemAsync(HttpStatusCode.BadRequest, "label");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/snapshots", new { label = "42" })).ProblemAsync(HttpStatusCode.BadRequest, "label");
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/snapshots", new { label = "has space" })).ProblemAsync(HttpStatusCode.BadRequest, "label");
        await facilitator.PostJsonAsync($"{assessment.Url}/snapshots", new { label = "phase-1" }, HttpStatusCode.Created);
        await (await facilitator.PostAsJsonAsync($"{assessment.Url}/snapshots", new { label = "phase-1" })).ProblemAsync(HttpStatusCode.Conflict);
        (await facilitator.GetJsonAsync(assessment.Url)).Version().ShouldBe(assessment.Version + 1);
    }
}
