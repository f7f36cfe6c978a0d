using System.Text;

namespace ServiceSharing.Web.Idempotency;

/// <summary>The first answer to a key, sent again: same status, same body, and a header saying it is a replay.</summary>
public sealed class IdempotentReplay(IdempotentRequest first) : IResult
{
    public const string Header = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = first.Status;
        context.Response.Headers[Header] = "true";
        if (first.Location is { } location)
        {
            context.Response.Headers.Location = location;
        }

        if (first.Body is { } body)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body, Encoding.UTF8);
        }
    }
}
