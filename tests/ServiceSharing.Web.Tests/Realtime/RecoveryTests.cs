using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

public sealed class RecoveryTests(SharedApp shared)
{
    [Fact]
    public async Task pushes_arrive_in_version_order_and_a_dropped_client_catches_up_from_history()
    {
        await using var workshop = await Workshop.OpenAsync(shared.App, null, "Payroll", "Fleet");
        var cityInvite = await workshop.AddAsync("Cathy City", "city", "reviewer");
        var countyInvite = await workshop.AddAsync("Cole County", "county", "reviewer");
        var watcher = await workshop.ConnectAsync(workshop.FacilitatorInvite);
        var dropped = await workshop.ConnectAsync(countyInvite);
        var url = $"{workshop.Assessment.Url}/ratings";
        var city = workshop.App.ClientFor(cityInvite);
        var county = workshop.App.ClientFor(countyInvite);
        string[] factors = ["similarity", "efficiencies", "challenges", "centralization"];

        // Both reviewers rate at once: the board's versions interleave, the pushes must still come in order.
        var burst = factors.SelectMany(f => new[]
        {
            city.PostAsJsonAsync(url, new { areaId = workshop.Assessment.Areas["Payroll"], factor = f, score = 3 }),
            county.PostAsJsonAsync(url, new { areaId = workshop.Assessment.Areas["Fleet"], factor = f, score = 1 })
        });
        (await Task.WhenAll(burst)).ShouldAllBe(r => r.IsSuccessStatusCode);
        var firstBurst = await dropped.WaitForAsync("BoardChanged", 8);
        var lastSeen = firstBurst.Where(m => m.Name == "BoardChanged").Max(m => m.Body.Version());

        // A real gap: the client is gone while the server stays up and changes are committed.
        await dropped.Connection.StopAsync();
        var gap = new List<long>
        {
            (await city.PostJsonAsync(url, new { areaId = workshop.Assessment.Areas["Fleet"], factor = "similarity", score = 4, rationale = "While you were away" })).Version(),
            (await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/verdicts", new { areaId = workshop.Assessment.Areas["Fleet"], verdict = "Maybe" })).Version()
        };

        await dropped.Connection.StartAsync();
        var current = await dropped.JoinAssessmentAsync(workshop.Assessment.Id);
        current.ShouldBe(gap[^1]);
        // As the web app does (docs/realtime.md): joined at a later version than it holds, it reads what it missed.
        var missed = (await county.GetJsonAsync($"{workshop.Assessment.Url}/history?since={lastSeen}")).AsArray();
        missed[0]!["rationale"]!.GetValue<string>().ShouldBe("While you were away");
        var after = await county.PostJsonAsync(url, new { areaId = workshop.Assessment.Areas["Payroll"], factor = "similarity", score = 2 });
        await dropped.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == after.Version()), "the push after the rejoin");

        var pushed = dropped.Messages("BoardChanged").Select(b => b.Version()).ToList();
        pushed.ShouldNotContain(v => gap.Contains(v), "nothing committed during the gap was pushed to the absent client");
        var ended = pushed.Concat(missed.Select(e => e!.Version())).Order().ToList();
        ended.ShouldBe(Enumerable.Range(0, ended.Count).Select(i => pushed[0] + i), "every version exactly once, from the first push to the last");
        ended[^1].ShouldBe(after.Version());
        missed.Select(e => e!.Version()).ShouldBe(gap, "the gap came from history");

        var all = await watcher.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == after.Version()), "every change");
        var versions = all.Where(m => m.Name == "BoardChanged").Select(m => m.Body.Version()).ToList();
        versions.ShouldBe(Enumerable.Range(0, versions.Count).Select(i => versions[0] + i), "strictly consecutive");
    }

    [Fact]
    public async Task after_a_server_restart_the_client_rejoins_and_ends_with_every_version_exactly_once()
    {
        var schema = TestDatabase.NewSchema("restart");
        var port = FreePort.Next();
        var app = await TestApp.StartAsync(schema, port: port);
        var invite = await app.InviteAsync("Fran", "wpf", "facilitator");
        var facilitator = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        // No automatic reconnect: the client comes back only after the changes below, so they are a real gap.
        var hub = await HubClient.ConnectAsync(app.BaseAddress, invite, autoReconnect: false);
        var known = await hub.JoinAssessmentAsync(assessment.Id);
        var before = await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 1 });
        await hub.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == before.Version()), "the push before the restart");

        await app.DisposeAsync();
        app = await TestApp.StartAsync(schema, port: port);
        var afterRestart = app.ClientFor(invite);
        var gap = new List<long>();
        foreach (var score in new[] { 3, 2 })
        {
            gap.Add((await afterRestart.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score })).Version());
        }

        await hub.Connection.StartAsync();
        var rejoined = await hub.JoinAssessmentAsync(assessment.Id);
        rejoined.ShouldBe(gap[^1]);
        var lastPushed = hub.Messages("BoardChanged").Max(m => m.Version());
        var caughtUp = (await afterRestart.GetJsonAsync($"{assessment.Url}/history?since={lastPushed}")).AsArray().Select(e => e!.Version()).ToList();
        caughtUp.ShouldBe(gap, "what was committed while the client was away comes from history");

        var next = await afterRestart.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 4 });
        await hub.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == next.Version()), "pushes after the restart");
        var pushed = hub.Messages("BoardChanged").Select(b => b.Version()).ToList();
        pushed.ShouldNotContain(v => gap.Contains(v));
        pushed.Concat(caughtUp).Order().ShouldBe(Enumerable.Range(0, (int)(next.Version() - known)).Select(i => known + 1 + i),
            "every version after the join exactly once");
        await hub.DisposeAsync();
        await app.DisposeAsync();
    }
}
