using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace OneStop.Feedback.Server.Access;

public static class AccessExtensions
{
    /// <summary>Bearer-token authentication; by default every endpoint that asks for authorization needs an admin token.</summary>
    public static WebApplicationBuilder AddApiAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).RequireRole(Roles.Admin).Build());
        return builder;
    }
}
