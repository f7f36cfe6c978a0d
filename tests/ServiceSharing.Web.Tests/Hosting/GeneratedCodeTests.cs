using JasperFx;

namespace ServiceSharing.Web.Tests.Hosting;

/// <summary>
/// The app loads Wolverine's handler and endpoint code from src/ServiceSharing.Web/Internal/Generated (TypeLoadMode.Auto)
/// instead of compiling it at the first request. This fails while that code is stale: generated again into a temporary
/// folder, with JasperFx's own "codegen write", it must be file for file what is committed.
/// </summary>
public sealed class GeneratedCodeTests
{
    private const string Regenerate = "The committed generated code is stale: run infra/codegen.sh and commit src/ServiceSharing.Web/Internal/Generated.";

    [Fact]
    public async Task the_committed_generated_code_is_what_codegen_writes_for_the_app_as_it_is()
    {
        var committed = Path.Combine(RepoRoot(), "src", "ServiceSharing.Web", "Internal", "Generated");
        var contentRoot = Directory.CreateTempSubdirectory("servicesharing-codegen");
        try
        {
            var app = ServiceSharingApp.Build(["--contentRoot", contentRoot.FullName], builder =>
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // The store is configured, never opened, by code generation.
                    ["ConnectionStrings:Marten"] = "Host=127.0.0.1;Port=1;Database=codegen;Username=codegen"
                }));
            (await app.RunJasperFxCommands(["codegen", "write"])).ShouldBe(0);

            var fresh = Path.Combine(contentRoot.FullName, "Internal", "Generated");
            var expected = SourceFiles(fresh);
            expected.Count.ShouldBeGreaterThan(0, "codegen wrote nothing");
            SourceFiles(committed).Keys.Order().ShouldBe(expected.Keys.Order(), Regenerate);
            foreach (var (file, text) in SourceFiles(committed))
            {
                text.ShouldBe(expected[file], $"{file}: {Regenerate}");
            }
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }

    /// <summary>Each generated source file by its path under the folder, its text with line ends made alike.</summary>
    private static Dictionary<string, string> SourceFiles(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).ToDictionary(
                file => Path.GetRelativePath(folder, file).Replace('\\', '/'),
                file => File.ReadAllText(file).ReplaceLineEndings("\n").TrimEnd());

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServiceSharing.EventSourced.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found above the test's folder.");
    }
}
