using JasperFx.Events;
using Marten;
using ServiceSharing.Domain.Audit;

namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>An appended event as the chain covers it, serialized as Marten writes it to mt_events.</summary>
public static class ChainEntries
{
    public static ChainEntry Of(ISerializer serializer, long position, Guid streamId, IEvent e) =>
        new(position, streamId, e.Id, e.EventTypeName, serializer.ToJson(e.Data), e.Timestamp, e.UserName, e.CorrelationId, e.CausationId,
            e.Headers is { Count: > 0 } headers ? serializer.ToJson(headers) : null);
}
