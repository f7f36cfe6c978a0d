using System.Diagnostics;
using System.Security.Cryptography;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Packaging;

/// <summary>
/// The Release publish of one commit is byte-identical whoever builds it and whenever: two clones, checked out at
/// different moments, published by infra/publish.sh, give the same files with the same bytes. And what the scripts
/// run (infra/run.sh, infra/cluster.sh, the Dockerfile) is that publish.
/// </summary>
public sealed class ReproduciblePublishTests
{
    [Fact]
    public async Task two_clones_of_the_same_commit_publish_to_the_same_bytes()
    {
        var work = Directory.CreateTempSubdirectory("servicesharing-publish-");
        try
        {
            var first = await PublishCloneAsync(work.FullName, "first");
            // Another second on the clock: checkout and build times differ between the two.
            await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
            var second = await PublishCloneAsync(work.FullName, "second");

            first.Count.ShouldBeGreaterThan(100, "the publish holds the app, its dependencies and its static assets");
            first.Keys.ShouldContain("ServiceSharing.Web.dll");
            first.Keys.ShouldContain("ServiceSharing.Web.staticwebassets.endpoints.json");
            first.Keys.ShouldContain(Path.Combine("wwwroot", "js", "app.js.br"));
            second.Keys.Order().ShouldBe(first.Keys.Order());
            foreach (var (file, hash) in first)
            {
                second[file].ShouldBe(hash, $"{file} differs between two publishes of one commit");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("infra/Dockerfile")]
    [InlineData("infra/run.sh")]
    [InlineData("infra/cluster.sh")]
    [InlineData("infra/bench.sh")]
    public void the_scripts_and_the_image_run_that_publish(string file)
    {
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)).ShouldContain("infra/publish.sh");
    }

    private static async Task<Dictionary<string, string>> PublishCloneAsync(string work, string name)
    {
        var clone = Path.Combine(work, name);
        var output = Path.Combine(work, name + "-out");
        await RunAsync(RepositoryRoot.Path, "git", "clone", "--quiet", "--no-hardlinks", RepositoryRoot.Path, clone);
        await RunAsync(clone, "bash", "infra/publish.sh", output);
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(output, file), file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
    }

    private static async Task RunAsync(string directory, string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        // The clone builds on its own, not inside this test run's MSBuild node or environment.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}:\n{await stdout}\n{await stderr}");
    }
}
