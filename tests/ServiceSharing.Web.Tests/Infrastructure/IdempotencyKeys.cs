namespace ServiceSharing.Web.Tests.Infrastructure;

/// <summary>
/// Gives every POST an Idempotency-Key of its own unless the test set one, as the web app does: the test clients
/// write the way real clients are told to.
/// </summary>
public sealed class IdempotencyKeys() : DelegatingHandler(new SocketsHttpHandler())
{
    public const string Header = "Idempotency-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && !request.Headers.Contains(Header))
        {
            request.Headers.Add(Header, Guid.NewGuid().ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
