using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace ServiceSharing.Web.Auth;

/// <summary>Who may handle a whole study's record: the holder of the configured admin key (header X-Admin-Key), and
/// for reading it, a facilitator.</summary>
public static class AdminAccess
{
    public const string Header = "X-Admin-Key";

    public static bool HoldsAdminKey(HttpContext context, string? adminKey) =>
        adminKey is { Length: > 0 }
        && context.Request.Headers[Header] is { Count: 1 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(adminKey));

    public static ProblemDetails Unauthenticated(string who) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Sign in first.",
        Detail = $"Send {who}."
    };
}
