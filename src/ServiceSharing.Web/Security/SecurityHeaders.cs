namespace ServiceSharing.Web.Security;

/// <summary>
/// The headers every answer carries. The web app runs no inline script or style, so its Content-Security-Policy
/// allows only its own files; the API reference at /docs (Scalar) configures itself with an inline script and gets a
/// policy of its own. Nothing may frame the studio. HSTS is sent only over HTTPS, where it means something.
/// Set when the response starts, so error pages written after a cleared response carry them too.
/// </summary>
public static class SecurityHeaders
{
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var docs = context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/scalar");
            headers.ContentSecurityPolicy = docs ? DocsPolicy : AppPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return Task.CompletedTask;
        });
        return next();
    });
}
