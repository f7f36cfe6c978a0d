namespace ServiceSharing.Web.Idempotency;

/// <summary>
/// A write done under an Idempotency-Key, and its answer. Stored in the same transaction as the events it guards, so
/// a crash never leaves one without the other; its id is a hash of the caller and the key, so one participant's key
/// never finds another's answer.
/// </summary>
public sealed record IdempotentRequest(
    string Id, string Caller, string Fingerprint, int Status, string? Body, string? Location, DateTimeOffset RecordedAt);
