using System.Net;
using System.Net.Http.Json;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Security;

/// <summary>Each test runs an app of its own, so its spent budgets never throttle the rest of the suite.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task a_participants_writes_beyond_the_burst_answer_429_with_retry_after_and_no_one_else_is_held_up()
    {
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["ServiceSharing:RateLimits:ParticipantWriteBurst"] = "3";
            builder.Configuration["ServiceSharing:RateLimits:ParticipantWritesPerMinute"] = "1";
        });
        var busy = await app.SignInAsync("Busy Facilitator", "wpf", "facilitator");
        var other = await app.SignInAsync("Other Facilitator", "wpf", "facilitator");

        for (var i = 0; i < 3; i++)
        {
            await busy.PostJsonAsync("/api/assessments", new { title = $"Assessment {i}", areas = new[] { "Payroll" } }, HttpStatusCode.Created);
        }

        var refused = await busy.PostAsJsonAsync("/api/assessments", new { title = "One too many", areas = new[] { "Payroll" } });
        await AssertTooManyAsync(refused, maxSeconds: 60);
        await other.PostJsonAsync("/api/assessments", new { title = "Someone else's", areas = new[] { "Payroll" } }, HttpStatusCode.Created);
        await busy.GetJsonAsync("/api/assessments");
    }

    [Fact]
    public async Task requests_without_a_valid_token_are_limited_per_address_but_health_probes_never_are()
    {
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["ServiceSharing:RateLimits:AddressBurst"] = "5";
            builder.Configuration["ServiceSharing:RateLimits:AddressRequestsPerMinute"] = "1";
        });
        using var anonymous = app.Anonymous();
        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA");

        for (var i = 0; i < 5; i++)
        {
            (await (i % 2 == 0 ? anonymous : forged).GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await AssertTooManyAsync(await forged.GetAsync("/api/me"), maxSeconds: 60);
        await AssertTooManyAsync(await anonymous.GetAsync("/api/assessments"), maxSeconds: 60);
        (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_wrong_admin_key_is_tried_at_most_10_times_a_minute_per_address_and_then_even_the_right_key_waits()
    {
        await using var app = await TestApp.StartAsync(seed: false);
        using var guesser = app.Anonymous();
        guesser.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");
        var invite = new { name = "Someone", org = "city", role = "reviewer" };

        for (var i = 0; i < 10; i++)
        {
            (await guesser.PostAsJsonAsync("/api/invites", invite)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"guess {i + 1}");
        }

        await AssertTooManyAsync(await guesser.PostAsJsonAsync("/api/invites", invite), maxSeconds: 60);
        using var holder = app.Anonymous();
        holder.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        await AssertTooManyAsync(await holder.PostAsJsonAsync("/api/invites", invite), maxSeconds: 60);
        using var probe = app.Anonymous();
        (await probe.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_right_admin_key_spends_no_guesses()
    {
        await using var app = await TestApp.StartAsync(seed: false);
        for (var i = 0; i < 15; i++)
        {
            await app.InviteAsync($"Invitee {i}", "city", "reviewer");
        }
    }

    [Fact]
    public async Task enabled_false_turns_every_limit_off()
    {
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
        {
            builder.Configuration["ServiceSharing:RateLimits:Enabled"] = "false";
            builder.Configuration["ServiceSharing:RateLimits:ParticipantWriteBurst"] = "1";
            builder.Configuration["ServiceSharing:RateLimits:ParticipantWritesPerMinute"] = "1";
            builder.Configuration["ServiceSharing:RateLimits:AddressBurst"] = "1";
            builder.Configuration["ServiceSharing:RateLimits:AddressRequestsPerMinute"] = "1";
            builder.Configuration["ServiceSharing:RateLimits:WrongAdminKeysPerMinute"] = "1";
        });
        var facilitator = await app.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        for (var i = 0; i < 3; i++)
        {
            await facilitator.PostJsonAsync("/api/assessments", new { title = $"Assessment {i}", areas = new[] { "Payroll" } }, HttpStatusCode.Created);
        }

        using var guesser = app.Anonymous();
        guesser.DefaultRequestHeaders.Add("X-Admin-Key", "not-the-key");
        for (var i = 0; i < 3; i++)
        {
            (await guesser.GetAsync("/api/participants")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, int maxSeconds)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var retryAfter = response.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull("a 429 says when to come back");
        retryAfter.Value.TotalSeconds.ShouldBeInRange(1, maxSeconds);
    }
}
