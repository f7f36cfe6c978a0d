using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Invites;

public sealed class InviteParticipantTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task the_admin_key_invites_and_the_token_signs_the_participant_in()
    {
        var invite = await App.InviteAsync("Cathy City", "city", "reviewer");

        invite.ParticipantId.ShouldNotBe(Guid.Empty);
        invite.JoinUrl.ShouldContain(Uri.EscapeDataString(invite.Token));
        invite.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(1));

        var me = await App.ClientFor(invite).GetJsonAsync("/api/me");
        me.Get<Guid>("participantId").ShouldBe(invite.ParticipantId);
        me["name"]!.GetValue<string>().ShouldBe("Cathy City");
        me["org"]!.GetValue<string>().ShouldBe("city");
        me["role"]!.GetValue<string>().ShouldBe("reviewer");
    }

    [Fact]
    public async Task a_facilitator_invites_but_a_reviewer_may_not()
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var invited = await facilitator.PostJsonAsync("/api/invites", new { name = "Cole County", org = "county", role = "reviewer" }, HttpStatusCode.Created);
        invited["token"]!.GetValue<string>().ShouldNotBeNullOrEmpty();

        var reviewer = await App.SignInAsync("Cathy City", "city", "reviewer");
        await (await reviewer.PostAsJsonAsync("/api/invites", new { name = "X", org = "city", role = "facilitator" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task without_a_token_or_with_a_wrong_admin_key_the_answer_is_401()
    {
        using var anonymous = App.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/invites", new { name = "X", org = "city", role = "reviewer" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        anonymous.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");
        await (await anonymous.PostAsJsonAsync("/api/invites", new { name = "X", org = "city", role = "reviewer" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);

        (await anonymous.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/assessments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_forged_token_is_refused()
    {
        var invite = await App.InviteAsync("Cathy City", "city", "reviewer");
        var parts = invite.Token.Split('.');
        var forged = invite with { Token = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}" };
        (await App.ClientFor(forged).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("", "city", "reviewer", "name")]
    [InlineData("Someone", "state", "reviewer", "org")]
    [InlineData("Someone", "city", "mayor", "role")]
    [InlineData("Someone", "wpf", "reviewer", "org")]
    public async Task bad_invites_name_the_field(string name, string org, string role, string field)
    {
        using var admin = App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        await (await admin.PostAsJsonAsync("/api/invites", new { name, org, role })).ProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task an_over_long_name_is_refused()
    {
        using var admin = App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        await (await admin.PostAsJsonAsync("/api/invites", new { name = new string('n', 121), org = "city", role = "reviewer" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "name");
    }
}
