using System.Diagnostics;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>The app's command line run as its own process (what infra/admin.sh runs), against a test app's schema.</summary>
public sealed record AdminCommandLine(string Schema)
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string LastLine => Output.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary>The web project's own build output, in the configuration these tests were built in.</summary>
    private static string AppDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ServiceSharing.EventSourced.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "src", "ServiceSharing.Web", "bin", configuration, framework, "ServiceSharing.Web.dll");
    }

    public async Task<Result> RunAsync(params string[] args)
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Marten"] = TestDatabase.ConnectionString;
        start.Environment["ServiceSharing__Schema"] = Schema;
        start.Environment["ServiceSharing__AdminKey"] = TestApp.AdminKey;
        start.Environment["ServiceSharing__SeedStudy"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(dll);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
