using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.History;

/// <summary>An area's whole history runs to megabytes: it travels compressed to a client that accepts it, as browsers
/// do, and only the reads marked for it are compressed, never an answer that carries a token.</summary>
public sealed class CompressedHistoryTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task the_history_and_the_diff_travel_compressed_to_a_client_that_accepts_it_and_unpack_to_the_same_json(string encoding)
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Audit", "IT");
        var reviewer = App.ClientFor(await App.InviteAsync("Cathy City", "city", "reviewer"));
        for (var score = 0; score < 20; score++)
        {
            await reviewer.PostJsonAsync($"{assessment.Url}/ratings",
                new { areaId = assessment.Areas["IT"], factor = "similarity", score = score % 5, rationale = "The same help desk, again" });
        }

        foreach (var read in new[] { $"{assessment.Url}/history?areaId={assessment.Areas["IT"]}", $"{assessment.Url}/history?limit=5",
                     $"{assessment.Url}/diff?from=1&to={assessment.Version + 20}" })
        {
            var plain = await ReadAsync(facilitator, read, null);
            plain.Encoding.ShouldBeNull();

            var packed = await ReadAsync(facilitator, read, encoding);
            packed.Encoding.ShouldBe(encoding);
            packed.Body.Length.ShouldBeLessThan(plain.Body.Length / 2);
            Unpack(packed.Body, encoding).ShouldBe(Encoding.UTF8.GetString(plain.Body));
        }
    }

    [Fact]
    public async Task answers_not_marked_for_it_are_never_compressed_and_a_token_never_is()
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        var assessment = await TestAssessment.CreateAsync(facilitator, "Audit");

        var board = await ReadAsync(facilitator, assessment.Url, "br, gzip");
        board.Encoding.ShouldBeNull();

        using var invite = new HttpRequestMessage(HttpMethod.Post, "/api/invites")
        {
            Content = new StringContent("""{"name":"Carl County","org":"county","role":"reviewer"}""", Encoding.UTF8, "application/json")
        };
        invite.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var admin = App.Anonymous();
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestApp.AdminKey);
        using var issued = await admin.SendAsync(invite);
        issued.EnsureSuccessStatusCode();
        issued.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await issued.Content.ReadAsStringAsync()).ShouldContain("\"token\"");
    }

    private static async Task<(string? Encoding, byte[] Body)> ReadAsync(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
    }

    private static string Unpack(byte[] body, string encoding)
    {
        using Stream packed = new MemoryStream(body);
        using Stream unpacked = encoding == "br" ? new BrotliStream(packed, CompressionMode.Decompress) : new GZipStream(packed, CompressionMode.Decompress);
        using var reader = new StreamReader(unpacked, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
