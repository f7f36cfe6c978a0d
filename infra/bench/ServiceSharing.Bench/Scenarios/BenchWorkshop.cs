using ServiceSharing.Bench.App;

namespace ServiceSharing.Bench.Scenarios;

/// <summary>The people every scenario shares: one facilitator who creates boards and sessions.</summary>
public sealed record BenchWorkshop(AppClient App, Participant Facilitator)
{
    public static async Task<BenchWorkshop> StartAsync(AppClient app) =>
        new(app, await app.InviteAsync("Bench facilitator", "wpf", "facilitator"));

    public Task<IReadOnlyList<Participant>> ReviewersAsync(int count, string label) =>
        App.InviteManyAsync(count, i => ($"{label} reviewer {i + 1}", i % 2 == 0 ? "city" : "county", "reviewer"));

    public Task<IReadOnlyList<Participant>> ObserversAsync(int count, string label) =>
        App.InviteManyAsync(count, i => ($"{label} observer {i + 1}", "wpf", "observer"));
}
