using System.Net;
using System.Text;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Reliability;

/// <summary>
/// Role x org x endpoint, as one table: who may call what. Every pair the table forbids answers 403, every pair it
/// allows answers something else (the call may still be refused for its content: 400, 404, 409), no token is 401
/// everywhere, and the table covers every operation of the OpenAPI document.
/// </summary>
public sealed class RoleTableTests(SharedApp shared)
{
    /// <summary>A caller: their role and org, and (for reviewers) whether the test's session invited them.</summary>
    public sealed record Who(string Role, string Org, bool InvitedToSession = false)
    {
        public bool Facilitator => Role == "facilitator";
        public bool Reviewer => Role == "reviewer";
        public override string ToString() => $"{Role}/{Org}{(Reviewer ? InvitedToSession ? " (invited)" : " (not invited)" : "")}";
    }

    private sealed record Row(string Method, string Path, Func<Who, bool> Allowed, string Body = "{}");

    private static readonly Who[] Everyone =
    [
        new("facilitator", "wpf"), new("facilitator", "city"), new("facilitator", "county"),
        new("reviewer", "city", InvitedToSession: true), new("reviewer", "county"),
        new("observer", "wpf"), new("observer", "city"), new("observer", "county")
    ];

    private static bool Anyone(Who _) => true;
    private static bool Nobody(Who _) => false;
    private static bool Facilitators(Who who) => who.Facilitator;
    private static bool Reviewers(Who who) => who.Reviewer;
    private static bool Raters(Who who) => who.Facilitator || who.Reviewer;

    /// <summary>The access rules, written out. Ordered so the writes that change the most (closing the session) come last.</summary>
    private static IReadOnlyList<Row> Table(World w) =>
    [
        new("GET", "/api/me", Anyone),
        new("GET", "/api/assessments", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/agreement", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/sensitivity", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/history", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/diff?from=1&to=2", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/export.csv", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/export.xlsx", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/snapshots", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/sessions", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/calibrations", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/calibrations/{w.Calibration}", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/calibrations/{w.Calibration}/offsets", Raters),
        new("GET", $"/api/assessments/{w.Assessment}/calibrations/drift", Raters),
        new("GET", $"/api/sessions/{w.Session}", who => !who.Reviewer || who.InvitedToSession),
        new("GET", "/api/assessment-starts", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/phases", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/audit", Anyone),
        new("GET", $"/api/assessments/{w.Assessment}/archive", Facilitators),
        new("GET", "/api/participants", Facilitators),
        // Only the admin key imports an archive: no participant's token does, whatever its role.
        new("POST", "/api/archives", Nobody),
        new("POST", $"/api/assessments/{w.Assessment}/areas/{w.Area}/rename", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/areas/order", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/areas/{w.Area}/retire", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/decision-model/preview", Facilitators),
        new("POST", $"/api/participants/{w.Revocable}/revoke", Facilitators),
        new("POST", "/api/invites", Facilitators, """{"name":"Newcomer","org":"county","role":"observer"}"""),
        new("POST", "/api/assessments", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/areas", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/ratings", Raters),
        new("POST", $"/api/assessments/{w.Assessment}/verdicts", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/priorities", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/phases", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/phases/phase-1/pause", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/snapshots", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/decision-model", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/calibrations", Facilitators),
        new("POST", $"/api/assessments/{w.Assessment}/calibrations/{w.Calibration}/ratings", Reviewers),
        new("POST", $"/api/assessments/{w.Assessment}/calibrations/{w.Calibration}/reveal", Facilitators),
        new("POST", "/api/sessions", Facilitators),
        new("POST", $"/api/sessions/{w.Session}/participants", Facilitators),
        new("POST", $"/api/sessions/{w.Session}/rounds", Facilitators),
        new("POST", $"/api/sessions/{w.Session}/rounds/{w.Round}/confirm", Reviewers),
        new("POST", $"/api/sessions/{w.Session}/rounds/{w.Round}/reveal", Facilitators),
        new("POST", $"/api/sessions/{w.Session}/undo", Facilitators),
        new("POST", $"/api/sessions/{w.Session}/close", Facilitators)
    ];

    /// <param name="Area">An area of its own, for the rename and retire rows.</param>
    /// <param name="Revocable">A participant invited only to be revoked.</param>
    private sealed record World(Guid Assessment, Guid Session, Guid Round, Guid Calibration, Guid Area, Guid Revocable);

    [Fact]
    public async Task every_role_and_org_gets_403_exactly_where_the_table_forbids()
    {
        var app = shared.App;
        var callers = new List<(Who Who, HttpClient Client)>();
        foreach (var who in Everyone)
        {
            callers.Add((who, await app.SignInAsync($"Table {who.Role} {who.Org}", who.Org, who.Role)));
        }

        var world = await BuildWorldAsync(app, callers);
        var table = Table(world);
        using var noToken = app.Anonymous();
        var wrong = new List<string>();
        foreach (var row in table)
        {
            foreach (var (who, client) in callers)
            {
                var status = await SendAsync(client, row);
                var allowed = row.Allowed(who);
                if (allowed ? status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{row.Method} {row.Path} as {who}: {(int)status}, expected {(allowed ? "not 401/403" : "403")}");
                }
            }

            var anonymous = await SendAsync(noToken, row);
            if (anonymous != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{row.Method} {row.Path} with no token: {(int)anonymous}, expected 401");
            }
        }

        wrong.ShouldBeEmpty($"{table.Count} endpoints x {Everyone.Length} callers:\n{string.Join('\n', wrong)}");

        // The table covers the whole API: an endpoint added without a row fails here.
        var documented = (await ApiOperations.FetchAsync(noToken)).All().Select(o => $"{o.Method} {o.Path}").ToHashSet();
        var covered = table.Select(r => $"{r.Method} {Template(r.Path, world)}").ToHashSet();
        documented.Except(covered).ShouldBeEmpty("operations without a row in the role table");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, Row row)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path);
        if (row.Method == "POST")
        {
            request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The OpenAPI path a concrete row calls.</summary>
    private static string Template(string path, World w)
    {
        var template = path.Split('?')[0]
            .Replace(w.Assessment.ToString(), "{id}", StringComparison.Ordinal)
            .Replace(w.Session.ToString(), "{id}", StringComparison.Ordinal)
            .Replace(w.Round.ToString(), "{roundId}", StringComparison.Ordinal)
            .Replace(w.Calibration.ToString(), "{roundId}", StringComparison.Ordinal)
            .Replace(w.Area.ToString(), "{areaId}", StringComparison.Ordinal)
            .Replace(w.Revocable.ToString(), "{id}", StringComparison.Ordinal)
            .Replace("/phase-1/pause", "/{phase}/{transition}", StringComparison.Ordinal);
        return template.EndsWith("/reveal", StringComparison.Ordinal) && template.StartsWith("/api/sessions", StringComparison.Ordinal)
            ? template[..^"reveal".Length] + "{action}"
            : template;
    }

    private static async Task<World> BuildWorldAsync(TestApp app, List<(Who Who, HttpClient Client)> callers)
    {
        var facilitator = callers.First(c => c.Who.Facilitator).Client;
        var assessment = await TestAssessment.CreateAsync(facilitator, "Payroll", "Fleet", "Spare");
        var session = (await facilitator.PostJsonAsync("/api/sessions", new { assessmentId = assessment.Id, title = "Role table" }, HttpStatusCode.Created)).Get<Guid>("id");
        foreach (var (_, client) in callers.Where(c => c.Who.InvitedToSession))
        {
            var me = await client.GetJsonAsync("/api/me");
            await facilitator.PostJsonAsync($"/api/sessions/{session}/participants", new { participantId = me.Get<Guid>("participantId") });
        }

        var round = (await facilitator.PostJsonAsync($"/api/sessions/{session}/rounds", new { areaId = assessment.Areas["Payroll"], blind = true }, HttpStatusCode.Created)).Get<Guid>("roundId");
        var calibration = (await facilitator.PostJsonAsync($"{assessment.Url}/calibrations", new { areaIds = new[] { assessment.Areas["Fleet"] } }, HttpStatusCode.Created)).Get<Guid>("roundId");
        var revocable = await app.InviteAsync("Table revocable", "city", "reviewer");
        return new World(assessment.Id, session, round, calibration, assessment.Areas["Spare"], revocable.ParticipantId);
    }
}
