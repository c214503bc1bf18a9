using System.Globalization;
using System.Net;
using System.Text;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace CareFlow.Web.Designer;

/// <summary>
/// CareFlow's host page for the Studio custom elements (the package's own index.html uses an element name that
/// is never registered). Loads only same-origin files: no web fonts, no CDNs (Radzen's CSS carries Roboto).
/// </summary>
internal static class DesignerHostPage
{
    /// <summary>
    /// Same origin only; Blazor needs wasm-unsafe-eval, MudBlazor inline styles, Monaco blob workers. The hash admits
    /// the one inline script Studio 3.8.2's editor renders (<c>window.editorHotkeys</c>); designer.js has a fallback.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval' 'sha256-snlP1jz0gjwc5cTz9ErZcliXuCK63+Mmf68RRCeptgc='; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private static readonly string[] Styles =
    [
        "_content/MudBlazor/MudBlazor.min.css",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css",
        "_content/Radzen.Blazor/css/material-base.css",
        "_content/Elsa.Studio.Shell/css/shell.css",
        "Elsa.Studio.Host.CustomElements.styles.css",
    ];

    private static readonly string[] Scripts =
    [
        "_content/BlazorMonaco/jsInterop.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js",
        "_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js",
        "_content/MudBlazor/MudBlazor.min.js",
        "_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js",
        "_content/Radzen.Blazor/Radzen.Blazor.js",
        "_framework/blazor.webassembly.js",
    ];

    public static IResult Render(HttpContext context, IAntiforgery antiforgery, string title, string toolbarLinks,
        string studioElement, string afterStudio = "")
    {
        var user = context.User;
        var tokens = antiforgery.GetAndStoreTokens(context);
        var readOnly = CareFlowPolicies.CanDesign(user)
            ? ""
            : "<div class=\"careflow-readonly\" role=\"note\">Read-only view: your account does not have the designer role.</div>";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1.0">
              <title>{{Encode(title)}} · CareFlow designer</title>
              <base href="/designer/">
              <link rel="icon" type="image/png" sizes="32x32" href="_content/Elsa.Studio.Shell/favicon-32x32.png">

            """);
        foreach (var style in Styles)
            html.Append(CultureInfo.InvariantCulture, $"  <link href=\"{style}\" rel=\"stylesheet\">\n");
        html.Append(CultureInfo.InvariantCulture, $$"""
              <link href="{{DesignerAssets.StylePath}}" rel="stylesheet">
            </head>
            <body>
            <header class="careflow-bar">
              <strong>CareFlow designer</strong>
              {{toolbarLinks}}
              <span class="spacer"></span>
              <span class="careflow-user">{{Encode(user.Identity?.Name ?? "")}}</span>
              <form method="post" action="{{SignInEndpoints.SignOutPath}}">
                <input type="hidden" name="{{tokens.FormFieldName}}" value="{{Encode(tokens.RequestToken ?? "")}}">
                <button type="submit">Sign out</button>
              </form>
            </header>
            {{readOnly}}
            <div class="careflow-studio">
            {{studioElement}}
            </div>
            {{afterStudio}}
            <div id="blazor-error-ui">The designer hit an unexpected error. <a href="" class="reload">Reload</a> <a class="dismiss">×</a></div>
            <script src="{{DesignerAssets.ScriptPath}}"></script>

            """);
        foreach (var script in Scripts)
            html.Append(CultureInfo.InvariantCulture, $"<script src=\"{script}\"></script>\n");
        html.Append("</body>\n</html>\n");

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static string Encode(string value) => WebUtility.HtmlEncode(value);
}
