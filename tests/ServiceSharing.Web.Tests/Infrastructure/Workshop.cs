using System.Net;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>A joint workshop for a test: an assessment, a session, and its people signed in over HTTP and the hub.</summary>
public sealed class Workshop : IAsyncDisposable
{
    private readonly List<HubClient> _hubs = [];

    private Workshop(TestApp app, TestAssessment assessment, Guid sessionId, HttpClient facilitator, InviteIssued facilitatorInvite)
    {
        App = app;
        Assessment = assessment;
        SessionId = sessionId;
        Facilitator = facilitator;
        FacilitatorInvite = facilitatorInvite;
    }

    public TestApp App { get; }
    public TestAssessment Assessment { get; }
    public Guid SessionId { get; }
    public HttpClient Facilitator { get; }
    public InviteIssued FacilitatorInvite { get; }
    public string SessionUrl => $"/api/sessions/{SessionId}";

    public static async Task<Workshop> OpenAsync(TestApp app, object? quorum = null, params string[] areas)
    {
        var invite = await app.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        var facilitator = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, areas.Length > 0 ? areas : ["Payroll"]);
        var session = await facilitator.PostJsonAsync("/api/sessions",
            new { assessmentId = assessment.Id, title = "Joint workshop", quorum }, HttpStatusCode.Created);
        return new Workshop(app, assessment, session.Get<Guid>("id"), facilitator, invite);
    }

    /// <summary>Invites someone to the session (as the facilitator would) and returns their invite.</summary>
    public async Task<InviteIssued> AddAsync(string name, string org, string role)
    {
        var invite = await App.InviteAsync(name, org, role);
        await Facilitator.PostJsonAsync($"{SessionUrl}/participants", new { participantId = invite.ParticipantId });
        return invite;
    }

    /// <summary>Connects to the hub and joins the board and the session, as a workshop screen does.</summary>
    public async Task<HubClient> ConnectAsync(InviteIssued invite)
    {
        var hub = await HubClient.ConnectAsync(App.BaseAddress, invite);
        _hubs.Add(hub);
        await hub.JoinAssessmentAsync(Assessment.Id);
        await hub.JoinSessionAsync(SessionId);
        return hub;
    }

    public async Task<Guid> OpenRoundAsync(bool blind, params string[] factors)
    {
        var round = await Facilitator.PostJsonAsync($"{SessionUrl}/rounds",
            new { areaId = Assessment.Areas.Values.First(), factors, blind }, HttpStatusCode.Created);
        return round.Get<Guid>("roundId");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
