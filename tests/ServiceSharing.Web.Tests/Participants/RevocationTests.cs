using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Participants;

/// <summary>
/// Revoking a participant is an event on their stream; from then on every token they hold is refused on every
/// endpoint and their open hub connections close, on the node that recorded it at once and on any other within 5 s.
/// </summary>
public sealed partial class RevocationTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task a_revoked_participant_gets_401_on_every_endpoint_while_others_carry_on()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        var leaving = await workshop.AddAsync("Lee Leaving", "city", "reviewer");
        var staying = await workshop.AddAsync("Sam Staying", "county", "reviewer");
        var leaver = App.ClientFor(leaving);
        await (await leaver.GetAsync(workshop.Assessment.Url)).JsonAsync();

        var revoked = await workshop.Facilitator.PostJsonAsync($"/api/participants/{leaving.ParticipantId}/revoke", new { });
        revoked["status"]!.GetValue<string>().ShouldBe("revoked");
        revoked["revokedBy"]!.GetValue<string>().ShouldBe("Fran Facilitator");
        revoked.Get<Guid>("revokedById").ShouldBe(workshop.FacilitatorInvite.ParticipantId);

        var refused = new List<string>();
        foreach (var (method, path) in await ApiOperationsAsync())
        {
            var url = path.Replace("{id}", workshop.Assessment.Id.ToString());
            url = ParameterPattern().Replace(url, Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
            {
                // A body valid for an invite, so no endpoint can answer 400 before it looks at the token.
                request.Content = JsonContent.Create(new { name = "Someone New", org = "city", role = "reviewer" });
            }

            var response = await leaver.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                refused.Add($"{method} {url} answered {(int)response.StatusCode}");
            }
        }

        refused.ShouldBeEmpty();
        await (await App.ClientFor(staying).GetAsync(workshop.Assessment.Url)).JsonAsync();
        (await leaver.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_revocation_is_an_event_recorded_once_with_who_and_when()
    {
        var someone = await App.InviteAsync("Lee Leaving", "city", "reviewer");
        using var admin = App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        var before = DateTimeOffset.UtcNow;

        var first = await (await admin.PostAsync($"/api/participants/{someone.ParticipantId}/revoke", null)).JsonAsync();
        var again = await (await admin.PostAsync($"/api/participants/{someone.ParticipantId}/revoke", null)).JsonAsync();

        first["revokedBy"]!.GetValue<string>().ShouldBe("admin key");
        first["revokedById"].ShouldBeNull();
        again.Get<DateTimeOffset>("revokedAt").ShouldBe(first.Get<DateTimeOffset>("revokedAt"));
        var listed = ParticipantListTests.Find(await admin.GetJsonAsync("/api/participants"), someone.ParticipantId);
        listed["status"]!.GetValue<string>().ShouldBe("revoked");
        listed.Get<DateTimeOffset>("revokedAt").ShouldBeInRange(before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));

        await using var query = App.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var events = await query.Events.FetchStreamAsync(someone.ParticipantId);
        events.Select(e => e.EventTypeName).ShouldBe(["participant_invited", "participant_revoked"]);
    }

    [Fact]
    public async Task the_revoked_participants_hub_connection_closes_within_5_s_and_cannot_reopen()
    {
        await using var workshop = await Workshop.OpenAsync(App);
        var leaving = await workshop.AddAsync("Lee Leaving", "city", "reviewer");
        await using var hub = await HubClient.ConnectAsync(App.BaseAddress, leaving, autoReconnect: false);
        await hub.JoinSessionAsync(workshop.SessionId);
        var closed = new TaskCompletionSource();
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await workshop.Facilitator.PostJsonAsync($"/api/participants/{leaving.ParticipantId}/revoke", new { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        hub.Connection.State.ShouldBe(HubConnectionState.Disconnected);
        var reopen = await Should.ThrowAsync<HttpRequestException>(() => HubClient.ConnectAsync(App.BaseAddress, leaving, autoReconnect: false));
        reopen.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_revocation_recorded_on_another_node_holds_on_this_one_within_5_s()
    {
        await using var otherNode = await TestApp.StartAsync(App.Schema, seed: false);
        var leaving = await App.InviteAsync("Lee Leaving", "city", "reviewer");
        var onOtherNode = otherNode.ClientFor(leaving);
        await (await onOtherNode.GetAsync("/api/me")).JsonAsync();
        await using var hub = await HubClient.ConnectAsync(otherNode.BaseAddress, leaving, autoReconnect: false);
        var closed = new TaskCompletionSource();
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        await facilitator.PostJsonAsync($"/api/participants/{leaving.ParticipantId}/revoke", new { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        (await onOtherNode.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<IReadOnlyList<(string Method, string Path)>> ApiOperationsAsync()
    {
        using var client = App.Anonymous();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var operations = document["paths"]!.AsObject()
            .Where(path => path.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value!.AsObject().Select(op => (op.Key.ToUpperInvariant(), path.Key)))
            .ToList();
        operations.Count.ShouldBeGreaterThan(30, "the document lists the API");
        return operations;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
