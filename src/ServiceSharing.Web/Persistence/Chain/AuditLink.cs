namespace ServiceSharing.Web.Persistence.Chain;

/// <summary>
/// One event's place in its assessment's audit chain and the hash recorded for it, kept beside the event (keyed by
/// the event's id) and written in the transaction that appends the event. (AssessmentId, Position) is unique, so two
/// writers can never fork a chain even if one escaped the lock.
/// </summary>
public sealed class AuditLink
{
    /// <summary>The event's id.</summary>
    public Guid Id { get; set; }

    public Guid AssessmentId { get; set; }
    public long Position { get; set; }
    public Guid StreamId { get; set; }
    public string Hash { get; set; } = "";
}

/// <summary>The last link of an assessment's chain: what <c>GET /api/assessments/{id}/audit</c> publishes.</summary>
public sealed class AuditHead
{
    /// <summary>The assessment's id.</summary>
    public Guid Id { get; set; }

    /// <summary>How many events the chain holds (the position of the last).</summary>
    public long Position { get; set; }

    public string Hash { get; set; } = "";

    /// <summary>When the last chained event was appended.</summary>
    public DateTimeOffset Time { get; set; }

    /// <summary>The assessment's own stream version at that point (sessions and calibration rounds do not move it).</summary>
    public long AssessmentVersion { get; set; }
}
