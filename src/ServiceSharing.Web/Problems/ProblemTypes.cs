namespace ServiceSharing.Web.Problems;

/// <summary>
/// The one `type` scheme of every error answer (RFC 9457): <see cref="Base"/> followed by a kind named after the
/// status. Clients branch on the kind; the title and detail are for people. docs/reliability.md lists the kinds.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://servicesharing.example/problems/";

    public static string For(int status) => Base + KindOf(status);

    public static bool IsOurs(string? type) => type is not null && type.StartsWith(Base, StringComparison.Ordinal);

    public static string KindOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "invalid-request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status406NotAcceptable => "not-acceptable",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status422UnprocessableEntity => "unprocessable",
        StatusCodes.Status429TooManyRequests => "too-many-requests",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        >= 500 => "server-error",
        _ => $"status-{status}"
    };
}
