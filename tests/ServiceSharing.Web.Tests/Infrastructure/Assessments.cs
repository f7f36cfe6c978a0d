using System.Net;
using System.Text.Json.Nodes;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>A fresh assessment for one test, with its areas' ids by name.</summary>
public sealed record TestAssessment(Guid Id, long Version, IReadOnlyDictionary<string, Guid> Areas)
{
    public string Url => $"/api/assessments/{Id}";

    public static async Task<TestAssessment> CreateAsync(HttpClient facilitator, params string[] areas)
    {
        var created = await facilitator.PostJsonAsync("/api/assessments",
            new { title = $"Test assessment {Guid.NewGuid():N}", areas }, HttpStatusCode.Created);
        var id = created.Get<Guid>("id");
        var board = await facilitator.GetJsonAsync($"/api/assessments/{id}");
        var areaIds = board["areas"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!.Get<Guid>("id"));
        return new TestAssessment(id, created.Version(), areaIds);
    }

    public static JsonNode Area(JsonNode board, string name) =>
        board["areas"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!;
}
