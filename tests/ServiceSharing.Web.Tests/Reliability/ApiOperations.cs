using System.Text.Json.Nodes;

namespace ServiceSharing.Web.Tests.Reliability;

public sealed record ApiParameter(string Name, string In, JsonNode? Schema);

/// <summary>One operation of the served OpenAPI document: what the fuzz test and the role table call.</summary>
public sealed record ApiOperation(string Method, string Path, string OperationId, IReadOnlyList<ApiParameter> Parameters, JsonNode? BodySchema)
{
    public IEnumerable<ApiParameter> InPath => Parameters.Where(p => p.In == "path");
    public IEnumerable<ApiParameter> InQuery => Parameters.Where(p => p.In == "query");
    public bool IsWrite => Method != "GET";
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads the operations and schemas out of the document the app serves at /openapi/v1.json.</summary>
public sealed class ApiOperations(JsonNode document)
{
    public JsonNode Document { get; } = document;

    public static async Task<ApiOperations> FetchAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);

    public IReadOnlyList<ApiOperation> All() =>
    [
        .. Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => Read(path.Key, op.Key, op.Value!)))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
    ];

    /// <summary>Follows a $ref into components; other schemas come back as they are.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        while (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = Document["components"]!["schemas"]![reference.Split('/')[^1]];
        }

        return schema;
    }

    private static ApiOperation Read(string path, string method, JsonNode operation) => new(
        method.ToUpperInvariant(),
        path,
        operation["operationId"]?.GetValue<string>() ?? "",
        operation["parameters"]?.AsArray()
            .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
            .ToList() ?? [],
        operation["requestBody"]?["content"]?["application/json"]?["schema"]);
}
