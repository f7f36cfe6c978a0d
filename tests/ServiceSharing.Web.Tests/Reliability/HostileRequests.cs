using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace ServiceSharing.Web.Tests.Reliability;

public enum Caller
{
    Facilitator,
    Reviewer,
    NoToken
}

/// <summary>The ids a fuzz run knows, so a share of its requests reach past routing and validation into the handlers.</summary>
public sealed record FuzzWorld(Guid AssessmentId, IReadOnlyList<Guid> AreaIds, Guid SessionId, Guid RoundId, Guid CalibrationRoundId, Guid ReviewerId, Guid FacilitatorId)
{
    public IReadOnlyList<Guid> AllIds => [AssessmentId, .. AreaIds, SessionId, RoundId, CalibrationRoundId, ReviewerId, FacilitatorId];
}

/// <summary>A body as sent: no body at all (Text null), or text with a content type (JSON or not).</summary>
public sealed record FuzzBody(string? ContentType, string? Text)
{
    public static readonly FuzzBody None = new(null, null);

    public override string ToString() => Text is null ? "no body"
        : $"[{ContentType}] {(Text.Length > 240 ? Text[..240] + $"... ({Text.Length} chars)" : Text)}";
}

/// <summary>One generated request. Its printed form is what a failure shows, so it reads like a curl line.</summary>
public sealed record FuzzCase(ApiOperation Operation, Caller Caller, string Url, FuzzBody Body)
{
    public override string ToString() => $"{Caller}: {Operation.Method} {Url} {Body}";
}

/// <summary>
/// Requests generated from the OpenAPI document: every operation, all three callers, path and query values that are
/// right, wrong in type, unknown, empty or absurd, and bodies that follow the schema with hostile fields mixed in
/// (nulls, wrong types, huge strings, unknown properties), or that are not JSON at all.
/// </summary>
public sealed class HostileRequests(ApiOperations api, FuzzWorld world)
{
    private static readonly string[] Garbage =
    [
        "", " ", "not-a-guid", "0", "-1", "00000000-0000-0000-0000-000000000000", "%00", "../../etc/passwd", "' OR 1=1 --",
        "<script>alert(1)</script>", "é✓😀", "null", "true", "{}", "1e309", "9223372036854775808", new string('x', 3000)
    ];

    private static readonly string[] Words =
        ["similarity", "efficiencies", "challenges", "centralization", "phase-1", "phase-2", "Yes", "No", "Maybe", "city", "county", "wpf"];

    private static readonly string[] Factors = ["similarity", "efficiencies", "challenges", "centralization"];

    private static readonly Dictionary<string, string[]> PathWords = new()
    {
        ["action"] = ["reveal", "close", "revote", "discard", "delete"],
        ["phase"] = ["phase-1", "phase-2", "nope"],
        ["transition"] = ["pause", "resume", "complete", "restart"]
    };

    public Gen<FuzzCase> Cases()
    {
        var operations = api.All();
        return Gen.Int[0, operations.Count - 1].SelectMany(i => CaseOf(operations[i]));
    }

    public Gen<FuzzCase> CaseOf(ApiOperation operation) =>
        from caller in Gen.OneOf(Caller.Facilitator, Caller.Reviewer, Caller.NoToken)
        from path in Sequence(operation.InPath.Select(p => PathValue(operation, p).Select(v => (p.Name, Value: v))))
        from query in Sequence(operation.InQuery.Select(p => QueryValue(p).Select(v => (p.Name, Value: v))))
        from body in BodyOf(operation)
        select new FuzzCase(operation, caller, Url(operation, path, query), body);

    private static string Url(ApiOperation operation, IReadOnlyList<(string Name, string Value)> path, IReadOnlyList<(string Name, string? Value)> query)
    {
        var url = path.Aggregate(operation.Path, (u, p) => u.Replace($"{{{p.Name}}}", Uri.EscapeDataString(p.Value), StringComparison.Ordinal));
        var given = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return given.Count == 0 ? url : $"{url}?{string.Join('&', given)}";
    }

    private Gen<string> PathValue(ApiOperation operation, ApiParameter parameter)
    {
        if (PathWords.TryGetValue(parameter.Name, out var words))
        {
            return Gen.Frequency((6, Gen.OneOf(words)), (2, Gen.OneOf(Garbage)));
        }

        var right = parameter.Name switch
        {
            "id" when operation.Path.StartsWith("/api/sessions", StringComparison.Ordinal) => world.SessionId,
            "id" => world.AssessmentId,
            "roundId" when operation.Path.Contains("/calibrations/", StringComparison.Ordinal) => world.CalibrationRoundId,
            _ => world.RoundId
        };
        return Gen.Frequency(
            (8, Gen.Const<string>(right.ToString())),
            (1, Gen.OneOf([.. world.AllIds]).Select(g => g.ToString())),
            (2, Gen.Guid.Select(g => g.ToString())),
            (2, Gen.OneOf(Garbage)));
    }

    private Gen<string?> QueryValue(ApiParameter parameter)
    {
        var format = parameter.Schema?["format"]?.GetValue<string>();
        Gen<string> value = format switch
        {
            "int64" or "int32" => Gen.Frequency(
                (4, Gen.Int[0, 40].Select(i => i.ToString(CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("-5", "99999999999999999999", "abc", "1.5", ""))),
            "date-time" => Gen.Frequency(
                (3, Gen.Int[-120, 120].Select(m => DateTimeOffset.UtcNow.AddMinutes(m).ToString("O", CultureInfo.InvariantCulture))),
                (1, Gen.OneOf("yesterday", "2026-13-45T99:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"))),
            "uuid" => Gen.Frequency((3, Gen.OneOf([.. world.AreaIds]).Select(g => g.ToString())), (1, Gen.Guid.Select(g => g.ToString())), (1, Gen.OneOf(Garbage))),
            _ => Gen.Frequency((3, Gen.OneOf(Words)), (1, Gen.OneOf(Garbage)))
        };
        return Gen.Frequency((2, Gen.Const<string?>((string?)null)), (3, value.Select(v => (string?)v)));
    }

    private Gen<FuzzBody> BodyOf(ApiOperation operation)
    {
        var notJson = Gen.OneOf(
            new FuzzBody("application/json", ""),
            new FuzzBody("application/json", "["),
            new FuzzBody("application/json", "{\"a\":"),
            new FuzzBody("application/json", "null"),
            new FuzzBody("application/json", "[]"),
            new FuzzBody("application/json", "\"text\""),
            new FuzzBody("application/json", "12"),
            new FuzzBody("application/json", new string('[', 200) + new string(']', 200)),
            new FuzzBody("text/plain", "hello"),
            new FuzzBody("application/xml", "<a/>"),
            new FuzzBody(null, "{}"));
        if (operation.BodySchema is null)
        {
            return Gen.Frequency((6, Gen.Const<FuzzBody>(FuzzBody.None)), (2, Gen.Const<FuzzBody>(new FuzzBody("application/json", "{}"))), (2, notJson));
        }

        return Gen.Frequency(
            (12, Object(operation.BodySchema, 0).Select(json => new FuzzBody("application/json", json))),
            (1, Gen.Const<FuzzBody>(FuzzBody.None)),
            (2, notJson));
    }

    /// <summary>A JSON text for the schema: mostly fitting values, with hostile ones mixed in at every level.</summary>
    private Gen<string> Json(JsonNode? schema, string? name, int depth) => Gen.Frequency(
        (10, Fitting(schema, name, depth)),
        (1, Gen.Const<string>("null")),
        (1, Gen.OneOf("12345", "\"text\"", "true", "[]", "{}", "-0.5", "1e308")),
        (1, Gen.OneOf(Quote(new string('x', 10_000)), Quote("é✓😀\u0000"), "9223372036854775807", Quote(" "))));

    private Gen<string> Fitting(JsonNode? schema, string? name, int depth)
    {
        if (Hint(name) is { } hinted)
        {
            return hinted;
        }

        schema = api.Resolve(schema);
        if (schema?["oneOf"] is JsonArray choices)
        {
            schema = api.Resolve(choices.FirstOrDefault(c => c?["type"]?.ToString() != "null"));
        }

        return TypeOf(schema) switch
        {
            "object" when depth > 3 => Gen.Const<string>("{}"),
            "object" when schema!["additionalProperties"] is { } values => Sequence(Factors.Select(f => Json(values, f, depth + 1).Select(v => $"{Quote(f)}:{v}")))
                .Select(ps => "{" + string.Join(',', ps) + "}"),
            "object" => Object(schema, depth),
            "array" => Json(schema!["items"], name, depth + 1).List[0, 3].Select(items => "[" + string.Join(',', items) + "]"),
            "integer" => Gen.Int[-2, 12].Select(i => i.ToString(CultureInfo.InvariantCulture)),
            "number" => Gen.Double[-1, 5].Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            "boolean" => Gen.Bool.Select(b => b ? "true" : "false"),
            _ when schema?["format"]?.GetValue<string>() == "uuid" =>
                Gen.Frequency((3, Gen.OneOf([.. world.AllIds])), (1, Gen.Guid)).Select(g => Quote(g.ToString())),
            _ => Gen.Frequency((3, Gen.OneOf(Words)), (2, Gen.String[Gen.Char.AlphaNumeric, 0, 12]), (1, Gen.OneOf(Garbage))).Select(Quote)
        };
    }

    private Gen<string> Object(JsonNode schema, int depth)
    {
        schema = api.Resolve(schema)!;
        var properties = schema["properties"]?.AsObject().Select(p => (p.Key, Schema: p.Value)).ToList() ?? [];
        var members = properties.Select(p => Gen.Frequency(
            (6, Json(p.Schema, p.Key, depth + 1).Select(v => (string?)$"{Quote(p.Key)}:{v}")),
            (1, Gen.Const<string?>((string?)null))));
        var extra = Gen.Frequency((8, Gen.Const<string?>((string?)null)), (1, Gen.OneOf<string?>("\"unknown\":1", "\"__proto__\":{}", "\"AreaId\":\"x\"")));
        return Sequence(members.Append(extra)).Select(ms => "{" + string.Join(',', ms.Where(m => m is not null)) + "}");
    }

    /// <summary>Values the API means by these property names, so bodies get past validation often enough.</summary>
    private Gen<string>? Hint(string? name) => name switch
    {
        "areaId" => Gen.Frequency((4, Gen.OneOf([.. world.AreaIds])), (1, Gen.Guid)).Select(g => Quote(g.ToString())),
        "areaIds" => Gen.OneOf([.. world.AreaIds]).List[0, 3].Select(ids => "[" + string.Join(',', ids.Select(i => Quote(i.ToString()))) + "]"),
        "sessionId" => Gen.Frequency((3, Gen.Const<Guid>(world.SessionId)), (1, Gen.Guid)).Select(g => Quote(g.ToString())),
        "roundId" => Gen.Frequency((3, Gen.Const<Guid>(world.RoundId)), (1, Gen.Guid)).Select(g => Quote(g.ToString())),
        "participantId" or "onBehalfOf" => Gen.Frequency((3, Gen.Const<Guid>(world.ReviewerId)), (1, Gen.Guid)).Select(g => Quote(g.ToString())),
        "factor" => Gen.OneOf(Factors).Select(Quote),
        "score" => Gen.Int[-1, 5].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        "verdict" => Gen.OneOf("Yes", "No", "Maybe", "yes", "Perhaps").Select(Quote),
        "org" => Gen.OneOf("city", "county", "wpf", "state").Select(Quote),
        "role" => Gen.OneOf("reviewer", "facilitator", "observer", "admin").Select(Quote),
        "phase" => Gen.OneOf("phase-2", "phase-3", "Phase 2!", "").Select(Quote),
        "expectedVersion" => Gen.Frequency((2, Gen.Const<string>("null")), (1, Gen.Int[-1, 30].Select(i => i.ToString(CultureInfo.InvariantCulture)))),
        _ => null
    };

    /// <summary>The schema's type; OpenAPI 3.1 lists ["null", "integer", "string"] for a nullable number that may come as text.</summary>
    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).Where(t => t != "null").OrderBy(t => t == "string").FirstOrDefault(),
        JsonValue type => type.GetValue<string>(),
        _ => schema?["properties"] is not null ? "object" : null
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<IReadOnlyList<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const<IReadOnlyList<T>>([]), (all, next) => all.SelectMany(list => next.Select(v => (IReadOnlyList<T>)[.. list, v])));
}
