using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using ServiceSharing.Web.Auth;
using ServiceSharing.Web.Features.Invites;

namespace ServiceSharing.Web.Idempotency;

/// <summary>
/// Every POST under /api honours an Idempotency-Key (IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
/// the same key and body from the same caller answer the first answer again and write nothing; the same key with
/// another body is 422; a duplicate that arrives while the first is still running is 409. The key's record is
/// stored by whatever commits the write, in that transaction (<see cref="IdempotencyRecording"/>,
/// the rating queue), so a failed or crashed write leaves no key and its retry runs afresh.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store)
{
    public const string Header = "Idempotency-Key";
    public const int KeyMax = 255;

    /// <summary>Keys whose first request is running on this node; another node's duplicate fails at its commit.</summary>
    private readonly ConcurrentDictionary<string, byte> _running = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api")
            || !context.Request.Headers.TryGetValue(Header, out var given))
        {
            await next(context);
            return;
        }

        if (given.Count != 1 || given.ToString() is not { Length: > 0 and <= KeyMax } key)
        {
            await Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key is not valid.",
                $"Send one '{Header}' of 1 to {KeyMax} characters, new for each change.").ExecuteAsync(context);
            return;
        }

        // A request that names no caller is refused by the endpoint and writes nothing: no key to keep.
        if (CallerOf(context) is not { } caller)
        {
            await next(context);
            return;
        }

        var claim = new IdempotencyClaim(Hash($"{caller}\n{key}"), caller, await FingerprintAsync(context.Request));
        if (!_running.TryAdd(claim.Id, 0))
        {
            await StillRunning().ExecuteAsync(context);
            return;
        }

        try
        {
            await using (var query = store.QuerySession())
            {
                if (await query.LoadAsync<IdempotentRequest>(claim.Id, context.RequestAborted) is { } first)
                {
                    await AnswerAgain(first, claim).ExecuteAsync(context);
                    return;
                }
            }

            context.Features.Set(claim);
            await next(context);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocumentType == typeof(IdempotentRequest) && !context.Response.HasStarted)
        {
            // Another node committed the same key first; this write was rolled back with it.
            context.Response.Clear();
            await StillRunning().ExecuteAsync(context);
        }
        finally
        {
            _running.TryRemove(claim.Id, out _);
        }
    }

    /// <summary>The first answer when the request is the same; 422 when the key is reused for another request.</summary>
    public static IResult AnswerAgain(IdempotentRequest first, IdempotencyClaim claim) =>
        first.Fingerprint == claim.Fingerprint
            ? new IdempotentReplay(first)
            : Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.",
                $"This '{Header}' was first sent with another body or path; send a new key for a new change.");

    private static IResult StillRunning() =>
        Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still running.",
            "Wait for its answer, or retry in a moment to receive it.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(new ProblemDetails
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [Header] = [detail] } }
    });

    /// <summary>The participant of the token, or the holder of the admin key (by its hash, so a wrong key is a
    /// caller of its own and never sees the answers of the right one).</summary>
    private static string? CallerOf(HttpContext context) =>
        context.User.ToActor() is { } actor ? $"participant:{actor.Id}"
        : context.Request.Headers[InviteParticipantEndpoint.AdminKeyHeader] is { Count: 1 } adminKey ? $"admin:{Hash(adminKey.ToString())}"
        : null;

    /// <summary>The request as the draft's fingerprint: method, path and body bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
