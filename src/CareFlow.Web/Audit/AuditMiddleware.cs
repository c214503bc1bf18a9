using CareFlow.Core.Audit;
using CareFlow.Web.Security;

namespace CareFlow.Web.Audit;

/// <summary>
/// Writes one audit row for every request to an endpoint or page marked <see cref="ClientDataAttribute"/>, after it
/// has been answered: read (GET/HEAD), change (other methods), or denied (401, 403, or 404: a record outside the
/// caller's caseload answers 404).
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditLog audit)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var failed = true;
        try
        {
            await next(http);
            failed = false;
        }
        finally
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ClientDataAttribute>() is not null && !http.Items.ContainsKey(AuditLog.WrittenItem))
            {
                var status = failed ? StatusCodes.Status500InternalServerError : http.Response.StatusCode;
                await audit.WriteAsync(http, audit.Describe(http, ActionOf(http.Request.Method, status), status));
            }
        }
    }

    internal static string ActionOf(string method, int status) =>
        status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound
            ? AuditActions.Denied
            : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? AuditActions.Read : AuditActions.Change;
}
