using System.Net;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Participants;

public sealed class ParticipantListTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task a_facilitator_lists_everyone_invited_with_the_invite_and_its_end()
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var before = DateTimeOffset.UtcNow;
        var invite = await App.InviteAsync("Cathy City", "city", "reviewer");

        var listed = Find(await facilitator.GetJsonAsync("/api/participants"), invite.ParticipantId);

        listed["name"]!.GetValue<string>().ShouldBe("Cathy City");
        listed["org"]!.GetValue<string>().ShouldBe("city");
        listed["role"]!.GetValue<string>().ShouldBe("reviewer");
        listed["status"]!.GetValue<string>().ShouldBe("active");
        listed.Get<DateTimeOffset>("invitedAt").ShouldBeInRange(before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        listed.Get<DateTimeOffset>("expiresAt").ShouldBe(invite.ExpiresAt);
        listed["revokedAt"].ShouldBeNull();
    }

    [Fact]
    public async Task an_invite_lasts_fourteen_days_unless_configured_and_says_when_it_ends()
    {
        var invite = await App.InviteAsync("Cole County", "county", "reviewer");
        invite.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(14).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(14).AddMinutes(5));

        await using var shortLived = await TestApp.StartAsync(seed: false,
            configure: builder => builder.Configuration["ServiceSharing:InviteDays"] = "3");
        var issued = await shortLived.InviteAsync("Cole County", "county", "reviewer");
        issued.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(5));

        // The token ends with the invite: its exp claim is the expiresAt the invite shows.
        var payload = JsonNode.Parse(Base64Url(issued.Token.Split('.')[1]))!;
        DateTimeOffset.FromUnixTimeSeconds(payload["exp"]!.GetValue<long>()).ShouldBe(issued.ExpiresAt, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("reviewer", "city")]
    [InlineData("observer", "county")]
    public async Task only_facilitators_and_the_admin_key_list_or_revoke(string role, string org)
    {
        var someone = await App.InviteAsync("Someone", "city", "reviewer");
        var caller = await App.SignInAsync("Not A Facilitator", org, role);
        await (await caller.GetAsync("/api/participants")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await caller.PostAsync($"/api/participants/{someone.ParticipantId}/revoke", null)).ProblemAsync(HttpStatusCode.Forbidden);

        using var anonymous = App.Anonymous();
        await (await anonymous.GetAsync("/api/participants")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsync($"/api/participants/{someone.ParticipantId}/revoke", null)).ProblemAsync(HttpStatusCode.Unauthorized);

        using var admin = App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        Find(await admin.GetJsonAsync("/api/participants"), someone.ParticipantId)["status"]!.GetValue<string>().ShouldBe("active");
        await (await App.ClientFor(someone).GetAsync("/api/me")).JsonAsync();
    }

    [Fact]
    public async Task revoking_an_unknown_participant_is_404()
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        await (await facilitator.PostAsync($"/api/participants/{Guid.NewGuid()}/revoke", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    internal static JsonNode Find(JsonNode list, Guid participantId) =>
        list.AsArray().Single(p => p!.Get<Guid>("id") == participantId)!;

    private static string Base64Url(string part) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight((part.Length + 3) / 4 * 4, '=')));
}
