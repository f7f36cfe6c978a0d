using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Marten;
using ServiceSharing.Domain.Assessments;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Faults;

/// <summary>Requests with an Idempotency-Key the test chooses, and the means to hold or cut one mid-flight.</summary>
public static class KeyedRequests
{
    public static async Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyKeys.Header, key);
        return await client.SendAsync(request);
    }

    /// <summary>Takes the assessment's stream lock, as every write of it does, so writes wait until it is released.</summary>
    public static async Task<IAsyncDisposable> HoldAssessmentAsync(TestApp app, Guid assessmentId)
    {
        var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await session.Events.FetchForExclusiveWriting<Assessment>(assessmentId);
        return session;
    }

    /// <summary>Sends a POST over a raw connection and returns the open socket: closing it cuts the request before any
    /// answer arrives, as a dropped Wi-Fi would.</summary>
    public static async Task<Socket> SendUnansweredAsync(Uri baseAddress, string url, string token, object body, string key)
    {
        var json = JsonSerializer.Serialize(body);
        var request = $"POST {url} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                      $"{IdempotencyKeys.Header}: {key}\r\nContent-Type: application/json\r\n" +
                      $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request));
        return socket;
    }
}
