using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Problems;

/// <summary>
/// Wolverine answers a body it cannot deserialize with a 400 titled "Invalid JSON format" whose detail is the
/// System.Text.Json message (naming .NET types). This turns it into the API's validation answer, naming the field
/// from the message's JSON path ("$.quorum.city" is 'quorum.city'; the whole body is 'body').
/// </summary>
public static partial class MalformedJson
{
    private const string WolverineTitle = "Invalid JSON format";

    public static bool IsWolverines(ProblemDetails problem) =>
        problem.Status == StatusCodes.Status400BadRequest && problem.Title == WolverineTitle && problem is not HttpValidationProblemDetails;

    public static ProblemDetails ToFieldProblem(ProblemDetails problem)
    {
        var detail = problem.Detail ?? "";
        var path = JsonPath().Match(detail) is { Success: true } match ? match.Groups["path"].Value : "$";
        var field = path.TrimStart('$').TrimStart('.') is { Length: > 0 } named ? named : "body";
        var message = field == "body"
            ? detail.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
                ? "The body is empty; send a JSON object."
                : "The body must be one JSON object."
            : $"'{field}' is not valid here: check its type (text, number, true/false, list or object).";
        return new RequestErrors().Add(field, message).ToProblem();
    }

    [GeneratedRegex(@"Path: (?<path>\$\S*)")]
    private static partial Regex JsonPath();
}
