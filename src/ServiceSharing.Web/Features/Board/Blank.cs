namespace ServiceSharing.Web.Features.Board;

/// <summary>Free text from a request as it is kept: trimmed, and absent when empty.</summary>
public static class Blank
{
    public static string? ToNull(string? text) => text?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
