using JasperFx.Events;

namespace ServiceSharing.Web.Realtime;

/// <summary>An event as committed: its stream, its version there, and the event with its metadata.</summary>
public sealed record CommittedEvent(Guid StreamId, long Version, IEvent Event);
