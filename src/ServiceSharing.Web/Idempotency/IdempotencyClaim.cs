using Marten;

namespace ServiceSharing.Web.Idempotency;

/// <summary>
/// What the middleware hands a write that carries an Idempotency-Key: the record to store beside its events.
/// Put in the request's features; the one that commits the write stores it (Wolverine's commit, or the rating queue's).
/// </summary>
public sealed record IdempotencyClaim(string Id, string Caller, string Fingerprint)
{
    public IdempotentRequest Answered(IdempotentAnswer answer, DateTimeOffset at) =>
        new(Id, Caller, Fingerprint, answer.Status, answer.Body, answer.Location, at);

    /// <summary>Inserted, never upserted: a second commit under the same key (another node) fails and writes nothing.</summary>
    public void StoreWith(IDocumentSession session, IdempotentAnswer answer, DateTimeOffset at) => session.Insert(Answered(answer, at));
}
