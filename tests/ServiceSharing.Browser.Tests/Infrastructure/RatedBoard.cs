using System.Net;

namespace ServiceSharing.Browser.Tests.Infrastructure;

/// <summary>An assessment rated over HTTP by two reviewers of each government and decided by a facilitator.</summary>
public sealed record RatedBoard(TestAssessment Assessment, HttpClient Facilitator, Web.Features.Invites.InviteIssued FacilitatorInvite)
{
    public static readonly string[] Areas = ["Payroll", "Procurement", "IT", "Fleet Management"];

    // Scores per area, in factor order (similarity, efficiencies, challenges, centralization), per reviewer.
    private static readonly Dictionary<string, int[][]> Scores = new()
    {
        ["Payroll"] = [[4, 3, 3, 4], [3, 3, 2, 4], [2, 3, 3, 3], [2, 2, 3, 3]],
        ["Procurement"] = [[3, 3, 2, 3], [3, 4, 2, 3], [3, 2, 2, 3], [4, 3, 1, 2]],
        ["IT"] = [[1, 2, 4, 2], [2, 2, 4, 1], [3, 3, 3, 2], [4, 3, 4, 2]],
        ["Fleet Management"] = [[3, 4, 3, 4], [3, 4, 2, 4], [3, 3, 3, 4], [2, 4, 3, 3]]
    };

    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    public static async Task<RatedBoard> CreateAsync(TestApp app, string facilitatorName = "Fran Facilitator")
    {
        var invite = await BrowserApp.InviteAsync(app, facilitatorName, "wpf", "facilitator");
        var facilitator = app.ClientFor(invite);
        var assessment = await TestAssessment.CreateAsync(facilitator, Areas);
        var reviewers = new[]
        {
            await app.SignInAsync("Cathy City", "city", "reviewer"),
            await app.SignInAsync("Carl City", "city", "reviewer"),
            await app.SignInAsync("Cody County", "county", "reviewer"),
            await app.SignInAsync("Cara County", "county", "reviewer")
        };

        foreach (var (area, perReviewer) in Scores)
        {
            for (var r = 0; r < reviewers.Length; r++)
            {
                for (var f = 0; f < Factors.Length; f++)
                {
                    await reviewers[r].PostJsonAsync($"{assessment.Url}/ratings",
                        new { areaId = assessment.Areas[area], factor = Factors[f], score = perReviewer[r][f] });
                }
            }

            for (var f = 0; f < Factors.Length; f++)
            {
                var joint = (int)Math.Round(perReviewer.Average(s => s[f]), MidpointRounding.AwayFromZero);
                await facilitator.PostJsonAsync($"{assessment.Url}/ratings",
                    new { areaId = assessment.Areas[area], factor = Factors[f], score = joint, rationale = "Agreed in the room" });
            }
        }

        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["Payroll"], verdict = "Yes", nextSteps = "Shared payroll software" });
        await facilitator.PostJsonAsync($"{assessment.Url}/verdicts", new { areaId = assessment.Areas["IT"], verdict = "Maybe", nextSteps = "Help desk, open data" });
        await facilitator.PostJsonAsync($"{assessment.Url}/priorities", new { areaId = assessment.Areas["Fleet Management"], priority = true, focus = "Fleet Operations" });
        return new RatedBoard(assessment, facilitator, invite);
    }

    public Task<System.Text.Json.Nodes.JsonNode> SnapshotAsync(string label) =>
        Facilitator.PostJsonAsync($"{Assessment.Url}/snapshots", new { label }, HttpStatusCode.Created);
}
