using JasperFx.CommandLine;
using Marten;
using ServiceSharing.Web.Features.Archive;

namespace ServiceSharing.Web.Admin;

public sealed class ImportInput : NetCoreInput
{
    [Description("The archive file to import (JSON Lines)")]
    public string File { get; set; } = "";
}

[Description("Imports an archive into this instance's database (what POST /api/archives does); importing it again changes nothing", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        using var host = input.BuildHost();
        // Without the web app having started, the schema may not exist yet.
        await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var outcome = await host.Services.GetRequiredService<ArchiveImport>().ImportAsync(await File.ReadAllLinesAsync(input.File), CancellationToken.None);
        switch (outcome.Result)
        {
            case ImportResult.Refused:
                await Console.Error.WriteLineAsync($"REFUSED line {outcome.BadLine}: {outcome.Reason}");
                return false;
            case ImportResult.Conflict:
                await Console.Error.WriteLineAsync($"CONFLICT: {outcome.Reason}");
                return false;
            default:
                Console.WriteLine(outcome.Result == ImportResult.AlreadyPresent
                    ? $"Already present: assessment {outcome.AssessmentId}, chain head {outcome.Head!.Version} {outcome.Head.Hash}"
                    : $"Imported {outcome.Imported} events of assessment {outcome.AssessmentId}; chain head {outcome.Head!.Version} {outcome.Head.Hash}");
                return true;
        }
    }
}
