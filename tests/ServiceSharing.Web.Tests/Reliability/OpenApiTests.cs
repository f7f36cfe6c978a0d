using System.Diagnostics;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Reliability;

/// <summary>The OpenAPI document is the truth: linted by Redocly CLI's recommended rules, real shapes only, callable from /docs.</summary>
public sealed class OpenApiTests(SharedApp shared)
{
    /// <summary>Types that are loaded state or framework plumbing, never something a client sends or receives.</summary>
    private static readonly string[] Internal =
        ["SessionStreams", "RatingTarget", "CancellationToken", "SafeWaitHandle", "WaitHandle", "IEvent", "IResult", "IEventStreamOfAssessment",
         "IEventStreamOfReviewSession", "Assessment", "ReviewSession", "Participant", "HttpContext", "ClaimsPrincipal", "Type"];

    private static string LintFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "ServiceSharing.Web.Tests")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "ServiceSharing.Web.Tests", "OpenApi", "Redocly");
    }

    [Fact(Timeout = 120_000)]
    public async Task redocly_recommended_rules_find_no_error_in_the_served_document()
    {
        var folder = LintFolder();
        var cli = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        File.Exists(cli).ShouldBeTrue("infra/test.sh installs Redocly CLI (npm ci) before the tests run");
        using var client = shared.App.Anonymous();
        var document = Path.Combine(Path.GetTempPath(), $"servicesharing-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json"), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node", [cli, "lint", document, "--format=json"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" }
            };
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = lint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await lint.WaitForExitAsync(TestContext.Current.CancellationToken);

            var report = JsonNode.Parse(await output)!;
            var problems = report["problems"]!.AsArray()
                .Where(p => p!["severity"]!.GetValue<string>() == "error")
                .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}")
                .ToList();
            problems.ShouldBeEmpty($"Redocly CLI {report["version"]} lint errors:\n{string.Join('\n', problems)}\n{await errors}");
            report["totals"]!["errors"]!.GetValue<int>().ShouldBe(0);
            lint.ExitCode.ShouldBe(0, await errors);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task every_operation_has_a_tag_an_operation_id_security_and_only_real_shapes()
    {
        using var client = shared.App.Anonymous();
        var api = await ApiOperations.FetchAsync(client);
        var document = api.Document;

        var schemes = document["components"]!["securitySchemes"]!;
        schemes["bearer"]!["type"]!.GetValue<string>().ShouldBe("http");
        schemes["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        schemes["adminKey"]!["type"]!.GetValue<string>().ShouldBe("apiKey");
        schemes["adminKey"]!["in"]!.GetValue<string>().ShouldBe("header");
        schemes["adminKey"]!["name"]!.GetValue<string>().ShouldBe("X-Admin-Key");

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key.ToUpperInvariant()} {p.Key}", Operation: o.Value!))).ToList();
        operations.Count.ShouldBeGreaterThan(30);
        foreach (var (name, operation) in operations)
        {
            operation["tags"]!.AsArray().Count.ShouldBe(1, name);
            operation["operationId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(name);
            operation["security"]!.AsArray().ShouldNotBeEmpty(name);
            operation["responses"]!.AsObject().Select(r => r.Key).ShouldContain(k => k.StartsWith('2'), name);
        }

        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBeUnique();
        var invite = operations.Single(o => o.Name == "POST /api/invites").Operation;
        invite["security"]!.AsArray().Select(s => s!.AsObject().Single().Key).ShouldBe(["bearer", "adminKey"]);

        document["components"]!["schemas"]!.AsObject().Select(s => s.Key).Where(Internal.Contains).ShouldBeEmpty("internal types listed as schemas");
        var actions = new[] { "/api/sessions/{id}/close", "/api/sessions/{id}/undo", "/api/sessions/{id}/rounds/{roundId}/confirm", "/api/sessions/{id}/rounds/{roundId}/{action}" };
        foreach (var action in actions)
        {
            document["paths"]![action]!["post"]!["requestBody"].ShouldBeNull($"{action} takes no body");
        }
    }
}
