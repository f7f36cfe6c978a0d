using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Observability;

/// <summary>
/// ServiceSharing:JsonLogs=true: every line on the console is one JSON object, and every line written during a request
/// carries the request's correlation id: the caller's X-Correlation-Id, or the request's own identifier, the same id
/// its events get as their correlation id.
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task json_logs_are_one_object_per_line_and_a_request_s_lines_carry_its_correlation_id()
    {
        await using var app = await AppProcess.StartAsync(TestDatabase.NewSchema("jsonlogs"), FreePort.Next(), new Dictionary<string, string>
        {
            ["ServiceSharing__JsonLogs"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
            // The framework's lines within a request (authorization, challenge) are the ones to find.
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information"
        });

        var correlation = $"obs-{Guid.NewGuid():N}";
        var named = $"/api/assessments/{Guid.NewGuid()}";
        var unnamed = $"/api/assessments/{Guid.NewGuid()}";
        using var client = app.Anonymous();
        using (var request = new HttpRequestMessage(HttpMethod.Get, named))
        {
            request.Headers.Add("X-Correlation-Id", correlation);
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await client.GetAsync(unnamed)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var lines = await LinesOfBothAsync(app, named, unnamed);
        // The one line not from logging: JasperFx's command line prints it (Console.WriteLine) when the arguments are
        // ASP.NET Core's (--urls, as here); infra/run.sh starts the app without arguments.
        var entries = lines.Where(line => !line.StartsWith(JasperFxNotice, StringComparison.Ordinal)).Select(Parse).ToList();
        entries.ShouldNotBeEmpty();

        // ASP.NET Core writes "Request starting" and "Request finished" around the whole pipeline, before any
        // middleware could open a scope: those two carry RequestId, which is the correlation id unless the caller
        // named one (and appsettings.json keeps them off, with the rest of Microsoft.AspNetCore below Warning).
        var ofNamed = entries.Where(e => Scope(e, "RequestPath") == named).ToList();
        ofNamed.Where(e => !IsHostingFrame(e)).ShouldNotBeEmpty();
        ofNamed.Where(e => !IsHostingFrame(e)).ShouldAllBe(e => Scope(e, "CorrelationId") == correlation);

        var ofUnnamed = entries.Where(e => Scope(e, "RequestPath") == unnamed).ToList();
        ofUnnamed.Where(e => !IsHostingFrame(e)).ShouldNotBeEmpty();
        ofUnnamed.Where(e => !IsHostingFrame(e)).ShouldAllBe(e => Scope(e, "CorrelationId") == Scope(e, "RequestId"),
            "without X-Correlation-Id the id is the request's own identifier");
        ofUnnamed.ShouldAllBe(e => Scope(e, "RequestId") == Scope(ofUnnamed.First(l => !IsHostingFrame(l)), "CorrelationId"),
            "so every line of the request carries it, the framework's own two included");
    }

    private const string JasperFxNotice = "Detected reserved AspNetCore or .NET flags";

    private static bool IsHostingFrame(JsonObject entry) => entry["Category"]?.GetValue<string>() == "Microsoft.AspNetCore.Hosting.Diagnostics";

    private const string RequestFinished = "Request finished";

    /// <summary>The console is written asynchronously, in order: waits until both requests' last lines are there.</summary>
    private static async Task<IReadOnlyList<string>> LinesOfBothAsync(AppProcess app, string first, string second)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = app.LogLines();
            if (new[] { first, second }.All(path => lines.Any(l => l.Contains(path, StringComparison.Ordinal) && l.Contains(RequestFinished, StringComparison.Ordinal))))
            {
                return lines;
            }

            await Task.Delay(100);
        }

        return app.LogLines();
    }

    private static JsonObject Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line)!.AsObject();
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"not a JSON line: {line}", e);
        }
    }

    private static string? Scope(JsonObject entry, string name) =>
        entry["Scopes"]?.AsArray().Select(s => s?[name]?.GetValue<string>()).FirstOrDefault(v => v is not null);
}
