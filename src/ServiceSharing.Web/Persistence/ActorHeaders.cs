using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Participants;
using ServiceSharing.Domain.Rubric;

namespace ServiceSharing.Web.Persistence;

/// <summary>How an actor is written into, and read back from, an event's metadata.</summary>
public static class ActorHeaders
{
    public const string Name = "actor-name";
    public const string Org = "actor-org";
    public const string Role = "actor-role";

    public static void Stamp(this IDocumentSession session, Actor actor)
    {
        session.LastModifiedBy = actor.Id.ToString();
        session.SetHeader(Name, actor.Name);
        session.SetHeader(Org, actor.Org.Key());
        session.SetHeader(Role, actor.Role.Key());
    }

    /// <summary>The same stamp on one event, for a transaction that carries several actors' events (grouped ratings).</summary>
    public static IEvent StampedBy(this IEvent e, Actor actor, string correlationId)
    {
        e.UserName = actor.Id.ToString();
        e.CorrelationId = correlationId;
        e.SetHeader(Name, actor.Name);
        e.SetHeader(Org, actor.Org.Key());
        e.SetHeader(Role, actor.Role.Key());
        return e;
    }

    public static Actor? ReadActor(this IEvent e)
    {
        if (!Guid.TryParse(e.UserName, out var id))
        {
            return null;
        }

        var name = e.GetHeader(Name)?.ToString() ?? "";
        OrgsAndRoles.TryParseOrg(e.GetHeader(Org)?.ToString(), out var org);
        OrgsAndRoles.TryParseRole(e.GetHeader(Role)?.ToString(), out var role);
        return new Actor(id, name, org, role);
    }
}
