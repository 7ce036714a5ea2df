using Microsoft.AspNetCore.Antiforgery;

namespace OneStop.Feedback.Server.Access;

/// <summary>
/// Checks the antiforgery token of every POST to the endpoints it is put on, also those that bind no form field
/// (ASP.NET Core checks automatically only where a form is bound): a POST without a valid token gets 400.
/// </summary>
public static class AntiforgeryCheck
{
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsPost(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest();
            }
            return await next(context);
        });
}
