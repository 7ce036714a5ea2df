namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing (clickjacking on the dashboard's forms), no
/// referrer leaking dossier codes or ids in URLs, and no caching of API answers that hold personal data.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && !headers.ContainsKey("Cache-Control"))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
