using JasperFx.CommandLine;
using Marten;
using ServiceSharing.Domain.Audit;
using ServiceSharing.Web.Persistence.Chain;

namespace ServiceSharing.Web.Admin;

public sealed class VerifyInput : NetCoreInput
{
    [Description("An archive file, or with --database an assessment's id")]
    public string Target { get; set; } = "";

    [Description("Verify the assessment's chain in the database instead of an archive file")]
    [FlagAlias("database", 'd')]
    public bool DatabaseFlag { get; set; }
}

[Description("Verifies an archive file, or an assessment's chain in the database: prints OK with the chain head, or the first entry where it breaks", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input) =>
        input.DatabaseFlag ? await VerifyDatabaseAsync(input) : await VerifyArchiveAsync(input.Target);

    private static async Task<bool> VerifyArchiveAsync(string file)
    {
        var verdict = ArchiveVerification.Verify(await File.ReadAllLinesAsync(file));
        if (!verdict.IsIntact)
        {
            await Console.Error.WriteLineAsync($"BROKEN at line {verdict.BadLine}: {verdict.Reason}");
            return false;
        }

        var head = verdict.Manifest!.Head;
        Console.WriteLine($"OK {verdict.Events.Count} entries; chain head {head.Version} {head.Hash} at {Time(head.Time)}");
        return true;
    }

    private static async Task<bool> VerifyDatabaseAsync(VerifyInput input)
    {
        if (!Guid.TryParse(input.Target, out var assessmentId))
        {
            await Console.Error.WriteLineAsync($"'{input.Target}' is not an assessment id.");
            return false;
        }

        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        if (await session.LoadAsync<AuditHead>(assessmentId) is null)
        {
            await Console.Error.WriteLineAsync($"No audit chain for assessment '{assessmentId}'.");
            return false;
        }

        var verdict = await ChainRecords.VerifyAsync(session, assessmentId, CancellationToken.None);
        if (!verdict.IsIntact)
        {
            await Console.Error.WriteLineAsync($"BROKEN at entry {verdict.BrokenPosition}: {verdict.Reason}");
            return false;
        }

        Console.WriteLine($"OK {verdict.Head!.Position} entries; chain head {verdict.Head.Position} {verdict.Head.Hash} at {Time(verdict.Head.Time)}");
        return true;
    }

    private static string Time(DateTimeOffset? time) => time is { } t ? ChainTime.Format(t) : "-";
}
