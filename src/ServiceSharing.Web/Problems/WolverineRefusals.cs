using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Problems;

/// <summary>
/// Wolverine answers a body it cannot deserialize with a 400 titled "Invalid JSON format" whose detail is the
/// System.Text.Json message (naming .NET types), and a query value it cannot parse with one that carries the
/// parameter's name in a `parameter` extension. These turn both into the API's validation answer, naming the field:
/// from the message's JSON path ("$.quorum.city" is 'quorum.city'; the whole body is 'body'), or the parameter.
/// </summary>
public static partial class WolverineRefusals
{
    private const string WolverineJsonTitle = "Invalid JSON format";
    private const string WolverineQueryTitle = "Invalid query string value";

    public static ProblemDetails Translate(ProblemDetails problem) =>
        problem.Status != StatusCodes.Status400BadRequest || problem is HttpValidationProblemDetails ? problem
        : problem.Title == WolverineJsonTitle ? ToFieldProblem(problem)
        : problem.Title == WolverineQueryTitle && problem.Extensions.TryGetValue("parameter", out var name) && name is not null
            ? new RequestErrors().Add(name.ToString()!, $"'{name}' has a value that is not of its type (see the OpenAPI document).").ToProblem()
        : problem;

    private static ProblemDetails ToFieldProblem(ProblemDetails problem)
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
