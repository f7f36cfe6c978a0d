using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Problems;
using Wolverine.Http;

namespace ServiceSharing.Web.Auth;

/// <summary>
/// The configured admin key in the X-Admin-Key header: what scripts use before anyone can sign in, and what stands in
/// for a facilitator on the participant endpoints. The comparison takes the same time however much of the key matches.
/// </summary>
public static class AdminKey
{
    public const string Header = "X-Admin-Key";

    public static bool IsSent(HttpContext context) => context.Request.Headers.ContainsKey(Header);

    public static bool IsHeldBy(HttpContext context, string? adminKey) =>
        adminKey is { Length: > 0 }
        && context.Request.Headers[Header] is { Count: 1 } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(adminKey));

    /// <summary>Lets a facilitator's token or the admin key through: 401 for neither, 403 for another role.</summary>
    public static ProblemDetails FacilitatorOrAdminKey(HttpContext context, string? adminKey, string refusal)
    {
        if (IsHeldBy(context, adminKey))
        {
            return WolverineContinue.NoProblems;
        }

        if (context.User.ToActor() is not { } actor)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Sign in first.",
                Detail = $"Send a facilitator's bearer token, or the admin key in '{Header}'."
            };
        }

        return actor.IsFacilitator ? WolverineContinue.NoProblems : Refusals.Forbidden(refusal);
    }
}
