using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace ServiceSharing.Web.Problems;

/// <summary>Collects what is wrong with a request, field by field, into one RFC 7807 answer.</summary>
public sealed class RequestErrors
{
    public const int NameMax = 120;
    public const int TitleMax = 200;
    public const int TextMax = 2000;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public RequestErrors Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }

    public RequestErrors When(bool broken, string field, string message) => broken ? Add(field, message) : this;

    public RequestErrors RequiredText(string field, string? value, int max) =>
        string.IsNullOrWhiteSpace(value)
            ? Add(field, $"'{field}' is required and must not be empty.")
            : OptionalText(field, value, max);

    /// <summary>PostgreSQL cannot store the NUL character in text or JSON, so it is refused here rather than at commit.</summary>
    public RequestErrors OptionalText(string field, string? value, int max) =>
        When(value is not null && value.Length > max, field, $"'{field}' must be at most {max} characters.")
            .When(value is not null && value.Contains('\0'), field, $"'{field}' must not contain the NUL character (\\u0000).");

    public ProblemDetails ToProblem()
    {
        if (_errors.Count == 0)
        {
            return WolverineContinue.NoProblems;
        }

        return new HttpValidationProblemDetails(_errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"Check {string.Join(", ", _errors.Keys.Select(k => $"'{k}'"))}."
        };
    }

    public static ProblemDetails MissingBody() =>
        new RequestErrors().Add("body", "A JSON body is required.").ToProblem();
}
