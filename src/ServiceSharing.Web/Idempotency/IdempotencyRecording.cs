using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ServiceSharing.Web.Idempotency;

/// <summary>
/// Stores a keyed write's record in the write's own Marten session, just before Wolverine commits it: a policy puts
/// the call between the handler (its events already appended to the session) and SaveChangesAsync in every POST.
/// </summary>
public static class IdempotencyRecording
{
    public static void Record(HttpContext context, IDocumentSession session, object? response)
    {
        if (context.Features.Get<IdempotencyClaim>() is not { } claim || !HasWrites(session))
        {
            return;
        }

        var json = context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        claim.StoreWith(session, IdempotentAnswer.Of(response, json), clock.GetUtcNow());
    }

    /// <summary>A request that wrote nothing (a board rating goes through the queue's own session) keeps no key here.</summary>
    private static bool HasWrites(IDocumentSession session) =>
        session.PendingChanges.Streams().Any(stream => stream.Events.Count > 0) || session.PendingChanges.Operations().Any();
}

/// <summary>Puts <see cref="IdempotencyRecording.Record"/> before the commit of every POST endpoint.</summary>
public sealed class IdempotencyRecordingPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HttpMethods.Contains(HttpMethods.Post)))
        {
            var commit = chain.Postprocessors.IndexOf(
                chain.Postprocessors.FirstOrDefault(f => f is MethodCall { Method.Name: nameof(IDocumentSession.SaveChangesAsync) })!);
            if (commit < 0)
            {
                continue;
            }

            var record = new MethodCall(typeof(IdempotencyRecording), nameof(IdempotencyRecording.Record));
            // The endpoint's answer: the first value it returns (the resource written as the response body).
            record.Arguments[2] = chain.Method.Creates.FirstOrDefault() ?? new Variable(typeof(object), "null");
            chain.Postprocessors.Insert(commit, record);
        }
    }
}
