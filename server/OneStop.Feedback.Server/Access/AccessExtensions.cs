using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OneStop.Feedback.Dashboard.Access;

namespace OneStop.Feedback.Server.Access;

public static class AccessExtensions
{
    /// <summary>The authentication scheme requests use: Bearer when they carry <c>Authorization: Bearer</c>, else the session cookie.</summary>
    public const string SchemeName = "osf";

    public const string CookieName = "osf_session";

    public const string LoginRateLimit = "login";

    /// <summary>
    /// Accounts, cookie sessions and Bearer tokens; the default policy needs any signed-in role, the handlers then
    /// narrow answers to the caller's scope (<see cref="ScopeResolver"/>); the login endpoint is rate-limited per IP.
    /// </summary>
    public static WebApplicationBuilder AddApiAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        builder.Services.AddOptions<LoginOptions>().BindConfiguration(LoginOptions.Section)
            .Validate(o => o.PasswordIterations is >= 1_000 and <= 10_000_000 && o.LockoutFailures >= 1 && o.LockoutSeconds >= 1
                && o.AttemptsPerIpPerMinute >= 1 && o.SessionMinutes >= 1,
                "Login: PasswordIterations 1,000..10,000,000; LockoutFailures, LockoutSeconds, AttemptsPerIpPerMinute, SessionMinutes ≥ 1")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<ScopeResolver>();
        builder.Services.AddSingleton(services => new AccessScopes(services.GetRequiredService<ScopeResolver>().Resolve));
        builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Bearer token or session cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<LoginOptions>>((o, login) => ConfigureCookie(o, login.Value));
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireRole(Roles.All).Build())
            .AddPolicy(AccessPolicies.Reader, p => p.RequireRole(Roles.Admin, Roles.Leader))
            .AddPolicy(AccessPolicies.Admin, p => p.RequireRole(Roles.Admin));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<LoginOptions>>().Value.AttemptsPerIpPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, LoginOptions login)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromMinutes(login.SessionMinutes);
        o.SlidingExpiration = true;
        o.LoginPath = "/login";
        o.LogoutPath = "/logout";
        o.Events.OnRedirectToLogin = context =>
        {
            // Scripts get a status, people get the login form.
            if (IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            else
            {
                context.Response.Redirect(context.RedirectUri);
            }
            return Task.CompletedTask;
        };
        o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        o.Events.OnValidatePrincipal = async context =>
        {
            // A disabled account or a reset password (new stamp) ends existing sessions at their next request.
            var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
            var id = context.Principal is null ? null : AccessClaims.UserIdOf(context.Principal);
            var user = id is null ? null : users.Find(id.Value);
            if (user is null || user.Disabled || user.Stamp != context.Principal!.FindFirst(AccessClaims.Stamp)?.Value)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            }
        };
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
