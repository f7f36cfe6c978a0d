using System.Diagnostics;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Realtime;

/// <summary>The wire contract proven from outside .NET: the official npm client joins and receives BoardChanged.</summary>
public sealed class JavaScriptClientTests(SharedApp shared)
{
    private static string ScriptFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "ServiceSharing.Web.Tests")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "ServiceSharing.Web.Tests", "Realtime", "JsClient");
    }

    [Fact]
    public async Task the_javascript_client_joins_and_receives_board_changes()
    {
        var folder = ScriptFolder();
        File.Exists(Path.Combine(folder, "node_modules", "@microsoft", "signalr", "package.json"))
            .ShouldBeTrue("infra/test.sh installs the npm client (npm ci) before the tests run");
        var invite = await shared.App.InviteAsync("Fran", "wpf", "facilitator");
        var facilitator = shared.App.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, "IT");

        using var node = Process.Start(new ProcessStartInfo("node",
            ["join-and-listen.mjs", shared.App.BaseAddress.ToString().TrimEnd('/'), invite.Token, assessment.Id.ToString(), "2"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        })!;
        var firstLine = await node.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        firstLine.ShouldBe($"joined {assessment.Version}");

        var rated = await facilitator.PostJsonAsync($"{assessment.Url}/ratings", new { areaId = assessment.Areas["IT"], factor = "challenges", score = 3 });
        var verdict = await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["IT"], verdict = "Maybe" });

        var output = await node.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        node.ExitCode.ShouldBe(0, await node.StandardError.ReadToEndAsync());
        var messages = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        messages.Select(m => m.Version()).ShouldBe([rated.Version(), verdict.Version()]);
        messages[0].Get<Guid>("assessmentId").ShouldBe(assessment.Id);
        messages[0]["change"]!["type"]!.GetValue<string>().ShouldBe("JointRatingRecorded");
        messages[1]["change"]!["data"]!["verdict"]!.GetValue<string>().ShouldBe("Maybe");
    }
}
