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

    /// <summary>Asserts an RFC 7807 answer with this status that names the field, and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync(status);
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        if (field is not null)
        {
            problem["errors"]?[field].ShouldNotBeNull($"the problem names '{field}': {problem.ToJsonString()}");
        }

        return problem;
    }

    public static long Version(this JsonNode node) => node["version"]!.GetValue<long>();

    public static T Get<T>(this JsonNode node, string name) => node[name].Deserialize<T>()!;
}
