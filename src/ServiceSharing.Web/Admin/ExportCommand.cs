using System.Text;
using JasperFx.CommandLine;
using Marten;
using ServiceSharing.Web.Features.Archive;

namespace ServiceSharing.Web.Admin;

public sealed class ExportInput : NetCoreInput
{
    [Description("The assessment's id")]
    public Guid AssessmentId { get; set; }

    [Description("The archive file to write (JSON Lines)")]
    public string File { get; set; } = "";
}

[Description("Writes an assessment's whole record to an archive file (what GET /api/assessments/{id}/archive gives)", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    public override async Task<bool> Execute(ExportInput input)
    {
        using var host = input.BuildHost();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        if (await AssessmentArchive.ReadAsync(session, input.AssessmentId, TimeProvider.System.GetUtcNow(), CancellationToken.None) is not { } archive)
        {
            await Console.Error.WriteLineAsync($"No assessment '{input.AssessmentId}'.");
            return false;
        }

        await using (var writer = new StreamWriter(input.File, append: false, new UTF8Encoding(false)))
        {
            await archive.WriteAsync(writer, CancellationToken.None);
        }

        var head = archive.Manifest.Head;
        Console.WriteLine($"Exported {archive.Events.Count} events of '{archive.Manifest.Title}' to {input.File}; chain head {head.Version} {head.Hash}");
        return true;
    }
}
