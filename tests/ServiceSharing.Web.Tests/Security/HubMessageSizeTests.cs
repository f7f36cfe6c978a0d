using Microsoft.AspNetCore.SignalR.Client;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Security;

public sealed class HubMessageSizeTests(SharedApp shared)
{
    [Fact]
    public async Task a_hub_message_over_the_size_limit_closes_the_connection()
    {
        var invite = await shared.App.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        await using var hub = await HubClient.ConnectAsync(shared.App.BaseAddress, invite, autoReconnect: false);
        var closed = new TaskCompletionSource<Exception?>();
        hub.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // A join carries an id of a few dozen bytes; 16 KB is over the hub's 4 KB limit yet under SignalR's own 32 KB default.
        _ = hub.Connection.InvokeAsync<long>("JoinAssessment", new string('x', 16 * 1024));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        hub.Connection.State.ShouldBe(HubConnectionState.Disconnected);
    }

    [Fact]
    public async Task ordinary_hub_messages_pass()
    {
        var invite = await shared.App.InviteAsync("Fran Facilitator", "wpf", "facilitator");
        await using var hub = await HubClient.ConnectAsync(shared.App.BaseAddress, invite, autoReconnect: false);
        var facilitator = shared.App.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll");
        (await hub.JoinAssessmentAsync(assessment.Id)).ShouldBe(assessment.Version);
    }
}
