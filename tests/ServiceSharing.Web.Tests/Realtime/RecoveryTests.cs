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

        await dropped.Connection.StopAsync();
        await city.PostJsonAsync(url, new { areaId = workshop.Assessment.Areas["Fleet"], factor = "similarity", score = 4, rationale = "While you were away" });
        var last = await workshop.Facilitator.PostJsonAsync($"{workshop.Assessment.Url}/verdicts", new { areaId = workshop.Assessment.Areas["Fleet"], verdict = "Maybe" });

        await dropped.Connection.StartAsync();
        var current = await dropped.JoinAssessmentAsync(workshop.Assessment.Id);
        current.ShouldBe(last.Version());
        var missed = (await county.GetJsonAsync($"{workshop.Assessment.Url}/history?since={lastSeen}")).AsArray();
        missed.Select(e => e!.Version()).ShouldBe([lastSeen + 1, lastSeen + 2]);
        missed[0]!["rationale"]!.GetValue<string>().ShouldBe("While you were away");

        var all = await watcher.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == last.Version()), "every change");
        var versions = all.Where(m => m.Name == "BoardChanged").Select(m => m.Body.Version()).ToList();
        versions.ShouldBe(Enumerable.Range(0, versions.Count).Select(i => versions[0] + i), "strictly consecutive");
    }

    [Fact]
    public async Task after_a_server_restart_the_client_reconnects_rejoins_and_catches_up_with_nothing_lost()
    {
        var schema = TestDatabase.NewSchema("restart");
        var port = FreePort();
        var app = await TestApp.StartAsync(schema, port: port);
        var invite = await app.InviteAsync("Fran", "wpf", "facilitator");
        var facilitator = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");
        var hub = await HubClient.ConnectAsync(app.BaseAddress, invite);
        var known = await hub.JoinAssessmentAsync(assessment.Id);
        var rejoined = new TaskCompletionSource<long>();
        hub.Connection.Reconnected += async _ => rejoined.TrySetResult(await hub.JoinAssessmentAsync(assessment.Id));

        await app.DisposeAsync();
        app = await TestApp.StartAsync(schema, port: port);
        var afterRestart = app.ClientFor(invite);
        var change = await afterRestart.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 3 });

        (await rejoined.Task.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBeGreaterThanOrEqualTo(known);
        var caughtUp = (await afterRestart.GetJsonAsync($"{assessment.Url}/history?since={known}")).AsArray();
        caughtUp.Select(e => e!.Version()).ShouldContain(change.Version());

        var next = await afterRestart.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "similarity", score = 4 });
        await hub.WaitUntilAsync(r => r.Any(m => m.Name == "BoardChanged" && m.Body.Version() == next.Version()), "pushes after the restart");
        await hub.DisposeAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
