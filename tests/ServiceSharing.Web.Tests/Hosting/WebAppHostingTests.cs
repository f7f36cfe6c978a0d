using System.Net;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Hosting;

/// <summary>The web app is served by the same host, without sign-in, with the SignalR client the build brought from npm.</summary>
public sealed class WebAppHostingTests(SharedApp shared)
{
    [Theory]
    [InlineData("/", "text/html", "js/app.js")]
    [InlineData("/join.html", "text/html", "js/join-link.js")]
    [InlineData("/lib/signalr.min.js", "text/javascript", "HubConnectionBuilder")]
    [InlineData("/css/print.css", "text/css", "@page")]
    public async Task the_page_and_its_assets_are_served_to_anyone(string path, string mediaType, string content)
    {
        using var anonymous = shared.App.Anonymous();
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        (await response.Content.ReadAsStringAsync()).ShouldContain(content);
    }

    [Fact]
    public async Task an_invites_join_link_opens_the_join_page_with_the_token_in_the_fragment()
    {
        var invite = await shared.App.InviteAsync("Cathy", "city", "reviewer");
        var link = new Uri(invite.JoinUrl);
        link.AbsolutePath.ShouldBe("/join.html");
        link.Fragment.ShouldBe($"#token={Uri.EscapeDataString(invite.Token)}");
        using var anonymous = shared.App.Anonymous();
        (await anonymous.GetAsync(link.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
