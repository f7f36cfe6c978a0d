using Marten;
using ServiceSharing.Web.Auth;

namespace ServiceSharing.Web.Persistence;

/// <summary>
/// Wolverine middleware on every write: stamps the session so each appended event carries the actor
/// (user name = participant id, headers = name, org, role) and the request's correlation id.
/// </summary>
public static class ActorStamping
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The caller's X-Correlation-Id, or the request's own identifier.</summary>
    public static string CorrelationOf(HttpContext context) =>
        context.Request.Headers[CorrelationHeader] is { Count: > 0 } given ? given.ToString() : context.TraceIdentifier;

    public static void Before(IDocumentSession session, HttpContext context)
    {
        session.CorrelationId = CorrelationOf(context);

        if (context.User.ToActor() is { } actor)
        {
            session.Stamp(actor);
        }
    }
}
