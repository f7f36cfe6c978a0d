using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using ServiceSharing.Web.Tests.Infrastructure;

namespace ServiceSharing.Web.Tests.Security;

public sealed class SecurityHeaderTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/join.html")]
    [InlineData("/js/app.js")]
    [InlineData("/css/app.css")]
    [InlineData("/api/assessments")]
    [InlineData("/api/me")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task pages_and_api_answers_carry_a_strict_policy_and_no_sniffing(string path)
    {
        var facilitator = await App.SignInAsync("Fran Facilitator", "wpf", "facilitator");
        using var anonymous = App.Anonymous();
        foreach (var client in new[] { facilitator, anonymous })
        {
            var response = await client.GetAsync(path);
            var policy = Header(response, "Content-Security-Policy");
            policy.ShouldContain("default-src 'self'");
            policy.ShouldContain("script-src 'self';");
            policy.ShouldNotContain("unsafe-inline");
            policy.ShouldContain("frame-ancestors 'none'");
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
            Header(response, "Referrer-Policy").ShouldBe("no-referrer");
            response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS means nothing over plain HTTP");
        }
    }

    [Fact]
    public async Task the_api_reference_has_its_own_policy_that_still_forbids_framing()
    {
        using var client = App.Anonymous();
        var response = await client.GetAsync("/docs");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = Header(response, "Content-Security-Policy");
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("connect-src 'self'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    [Fact]
    public async Task over_https_the_answers_carry_hsts()
    {
        using var certificate = SelfSignedLoopbackCertificate();
        await using var app = await TestApp.StartAsync(seed: false, configure: builder =>
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate))));
        app.BaseAddress.Scheme.ShouldBe("https");
        using var client = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
        }) { BaseAddress = app.BaseAddress };

        foreach (var path in new[] { "/", "/api/me" })
        {
            var response = await client.GetAsync(path);
            Header(response, "Strict-Transport-Security").ShouldStartWith("max-age=");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new ShouldAssertException(
            $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} without {name}");

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
