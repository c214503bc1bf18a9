using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace CareFlow.Web.Security;

/// <summary>The sign-in form: plain HTML, no scripts, no external resources.</summary>
internal static class SignInPage
{
    public static IResult Render(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, string userName, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var errorHtml = error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · CareFlow</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; }
                main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
                label { display: block; margin-top: 1rem; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; }
                button { margin-top: 1.5rem; padding: .5rem 1.5rem; }
                .error { color: #b00020; }
              </style>
            </head>
            <body>
            <main>
              <h1>CareFlow</h1>
              {{errorHtml}}
              <form method="post" action="{{SignInEndpoints.SignInPath}}">
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}">
                <label>User name <input type="text" name="userName" autocomplete="username" required autofocus value="{{WebUtility.HtmlEncode(userName)}}"></label>
                <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                <button type="submit">Sign in</button>
              </form>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }
}
