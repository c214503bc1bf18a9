using CareFlow.Web.Security;

namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>
/// The <c>/elsa/api</c> route group with CareFlow's CORS policy and <see cref="CareFlowPolicies.ElsaApi"/>.
/// The engine's runtime routes can hang off the same group (<c>ElsaApiGroup.Map(app)</c>).
/// </summary>
public static class ElsaApiGroup
{
    public const string Prefix = "/elsa/api";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix)
            .RequireCors(CareFlowPolicies.ElsaApiCors)
            .RequireAuthorization(CareFlowPolicies.ElsaApi)
            .ExcludeFromDescription();
        group.AddEndpointFilter(RefuseCrossSiteCookieWrites);
        return group;
    }

    /// <summary>
    /// A cookie-authenticated change must come from CareFlow's own pages. SameSite=Lax already keeps the cookie
    /// off cross-site POSTs; Fetch Metadata closes the same-site, cross-origin gap as well.
    /// </summary>
    private static async ValueTask<object?> RefuseCrossSiteCookieWrites(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var unsafeMethod = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method);
        var viaCookie = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CareFlowAuthenticationSchemes.Cookie);
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (unsafeMethod && viaCookie && site.Length > 0 && site != "same-origin" && site != "none")
            return TypedResults.Problem("Changes with a session cookie must come from CareFlow's own pages.", statusCode: StatusCodes.Status403Forbidden);
        return await next(context);
    }
}
