using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using ServiceSharing.Web.Features.Invites;
using ServiceSharing.Web.Problems;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Reliability;

/// <summary>
/// Deliberate answers, proven by hostile requests generated from the served OpenAPI document (CsCheck): every
/// operation, three callers, a fixed seed. No answer is a 5xx; every refusal is a problem+json of the one type
/// scheme (a 400 names its fields); a refused write leaves the assessment's and the session's version where they were.
/// </summary>
public sealed class FuzzTests(SharedApp shared)
{
    public const int Cases = 2_000;

    /// <summary>Case i is generated from PCG(Stream, i): the same 2,000 requests on every run.</summary>
    private const uint Stream = 9;

    [Fact(Timeout = 300_000)]
    public async Task hostile_requests_get_deliberate_answers_and_refused_writes_write_nothing()
    {
        var app = shared.App;
        var facilitatorInvite = await app.InviteAsync("Fuzz Facilitator", "wpf", "facilitator");
        var reviewerInvite = await app.InviteAsync("Fuzz Reviewer", "city", "reviewer");
        using var facilitator = app.ClientFor(facilitatorInvite);
        var world = await BuildWorldAsync(facilitator, facilitatorInvite, reviewerInvite);
        var requests = new HostileRequests(await ApiOperations.FetchAsync(facilitator), world);
        var gen = requests.Cases();
        using var clients = new Callers(app, facilitatorInvite, reviewerInvite);

        var byStatus = new SortedDictionary<int, int>();
        var failures = new List<(FuzzCase Case, string Seed, string Why)>();
        var clock = Stopwatch.StartNew();
        var versions = new Versions(facilitator, world);
        await versions.ReadAsync();
        for (var i = 0; i < Cases; i++)
        {
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            var pcg = new PCG(Stream, (ulong)i);
            var seed = pcg.ToString();
            var fuzz = gen.Generate(pcg, null!, out _);
            var (status, why) = await TryAsync(fuzz, clients, versions);
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (why is not null)
            {
                failures.Add((fuzz, seed, why));
            }
        }

        var figures = $"{Cases} requests in {clock.Elapsed.TotalSeconds:F1} s; answers by status: " +
                      string.Join(", ", byStatus.Select(p => $"{p.Key}: {p.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        // Kept beside the test assembly, so a passing run's figures can be read too (docs/reliability.md quotes them).
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-figures.txt"), figures + "\n", TestContext.Current.CancellationToken);
        if (failures.Count > 0)
        {
            throw new ShouldAssertException(
                $"{failures.Count} of {Cases} hostile requests were not answered deliberately ({figures}).\n" +
                string.Join('\n', failures.Take(10).Select(f => $"- {f.Case}\n  {f.Why} (CsCheck seed {f.Seed})")) +
                "\nShrunk from the first: " + await ShrinkAsync(gen, failures[0].Seed, clients, versions));
        }

        byStatus.Keys.ShouldAllBe(status => status < 500);
    }

    /// <summary>Sends one case; returns its status and, when it breaks a guarantee, why.</summary>
    private static async Task<(int Status, string? Why)> TryAsync(FuzzCase fuzz, Callers clients, Versions versions)
    {        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Operation.Method), fuzz.Url);
        if (fuzz.Body.Text is not null)
        {
            request.Content = new StringContent(fuzz.Body.Text, Encoding.UTF8);
            request.Content.Headers.ContentType = fuzz.Body.ContentType is null ? null : new MediaTypeHeaderValue(fuzz.Body.ContentType) { CharSet = null };
        }

        using var response = await clients.For(fuzz.Caller).SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return (status, $"answered {status}: {Truncate(text)}");
        }

        if (status >= 400 && ProblemShapeError(response, status, text) is { } shape)
        {
            return (status, $"answered {status} {shape}: {Truncate(text)}");
        }

        if (fuzz.Operation.IsWrite)
        {
            var before = versions.Known;
            var after = await versions.ReadAsync();
            if (status >= 400 && after != before)
            {
                return (status, $"refused with {status} but (assessment, session) versions moved from {before} to {after}: {Truncate(text)}");
            }
        }

        return (status, null);
    }

    private static string? ProblemShapeError(HttpResponseMessage response, int status, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not application/problem+json";
        }

        var problem = JsonNode.Parse(text)!;
        if (problem["type"]?.GetValue<string>() != ProblemTypes.For(status) || problem["status"]?.GetValue<int>() != status)
        {
            return $"with type '{problem["type"]}' and status {problem["status"]}, not {ProblemTypes.For(status)}";
        }

        return status == 400 && problem["errors"] is not JsonObject { Count: > 0 } ? "without naming a field in 'errors'" : null;
    }

    /// <summary>Runs CsCheck from the failing case's seed: it replays it, then shrinks to the smallest request that still fails.</summary>
    private static async Task<string> ShrinkAsync(CsCheck.Gen<FuzzCase> gen, string seed, Callers clients, Versions versions)
    {
        try
        {
            await gen.SampleAsync(async fuzz =>
            {
                if ((await TryAsync(fuzz, clients, versions)).Why is { } why)
                {
                    throw new ShouldAssertException(why);
                }
            }, seed: seed, iter: 100, threads: 1, print: fuzz => fuzz.ToString());
            return "the failure did not reproduce on its own (it depended on the state earlier requests left).";
        }
        catch (Exception shrunk)
        {
            return shrunk.Message;
        }
    }

    /// <summary>The versions of the run's assessment and session, read after every write: a refused one must not move them.</summary>
    private sealed class Versions(HttpClient facilitator, FuzzWorld world)
    {
        public (long Assessment, long Session) Known { get; private set; }

        public async Task<(long Assessment, long Session)> ReadAsync()
        {
            var board = await facilitator.GetJsonAsync($"/api/assessments/{world.AssessmentId}");
            var session = await facilitator.GetJsonAsync($"/api/sessions/{world.SessionId}");
            Known = (board.Version(), session["sessionVersion"]!.GetValue<long>());
            return Known;
        }
    }

    private static async Task<FuzzWorld> BuildWorldAsync(HttpClient facilitator, InviteIssued facilitatorInvite, InviteIssued reviewer)
    {
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "IT");
        var session = await facilitator.PostJsonAsync("/api/sessions",
            new { assessmentId = assessment.Id, title = "Fuzz workshop" }, HttpStatusCode.Created);
        var sessionId = session.Get<Guid>("id");
        await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/participants", new { participantId = reviewer.ParticipantId });
        var round = await facilitator.PostJsonAsync($"/api/sessions/{sessionId}/rounds",
            new { areaId = assessment.Areas["Payroll"], blind = true }, HttpStatusCode.Created);
        var calibration = await facilitator.PostJsonAsync($"{assessment.Url}/calibrations",
            new { areaIds = new[] { assessment.Areas["Fleet"] } }, HttpStatusCode.Created);
        return new FuzzWorld(assessment.Id, [.. assessment.Areas.Values], sessionId, round.Get<Guid>("roundId"),
            calibration.Get<Guid>("roundId"), reviewer.ParticipantId, facilitatorInvite.ParticipantId);
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;

    /// <summary>One HTTP client per caller, reused across the run.</summary>
    private sealed class Callers(TestApp app, InviteIssued facilitator, InviteIssued reviewer) : IDisposable
    {
        private readonly HttpClient _facilitator = app.ClientFor(facilitator);
        private readonly HttpClient _reviewer = app.ClientFor(reviewer);
        private readonly HttpClient _noToken = app.Anonymous();

        public HttpClient For(Caller caller) => caller switch
        {
            Caller.Facilitator => _facilitator,
            Caller.Reviewer => _reviewer,
            _ => _noToken
        };

        public void Dispose()
        {
            _facilitator.Dispose();
            _reviewer.Dispose();
            _noToken.Dispose();
        }
    }
}
