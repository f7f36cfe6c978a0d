using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>Small readers for the API's JSON, so tests say what they check rather than how they parse.</summary>
public static class Api
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.GetAsync(url)).JsonAsync(expected);

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).JsonAsync(expected);

    /// <summary>Asserts an RFC 9457 answer with this status and, when a field is given, an <c>errors</c> member that
    /// names it; returns the problem. Every part is required: a missing content type or errors member fails.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var problem = await response.JsonAsync(status);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        mediaType.ShouldBe("application/problem+json", $"the content type of {problem.ToJsonString()}");
        problem["status"].ShouldNotBeNull($"a status member in {problem.ToJsonString()}");
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        if (field is not null)
        {
            var errors = problem["errors"] as JsonObject;
            errors.ShouldNotBeNull($"the problem has an 'errors' member naming '{field}': {problem.ToJsonString()}");
            errors[field].ShouldNotBeNull($"the problem names '{field}': {problem.ToJsonString()}");
        }

        return problem;
    }

    public static long Version(this JsonNode node) => node["version"]!.GetValue<long>();

    public static T Get<T>(this JsonNode node, string name) => node[name].Deserialize<T>()!;
}
