using Microsoft.AspNetCore.Http;
using OneStop.Feedback.Dashboard.Text;

namespace OneStop.Feedback.Dashboard.Pages;

/// <summary>The page language: ?lang= when given (and remembered in a cookie), else the cookie, else Vietnamese.</summary>
public static class PageLanguage
{
    private const string Cookie = "lang";

    public static DashboardText Resolve(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (asked.Length > 0)
        {
            var text = DashboardText.For(asked);
            context.Response.Cookies.Append(Cookie, text.Language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return text;
        }
        return DashboardText.For(context.Request.Cookies[Cookie]);
    }
}
