using CareFlow.Core.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CareFlow.Web.Audit;

/// <summary>Logs every request a policy refused to a signed-in caller (403), on any endpoint, then answers as usual.</summary>
internal sealed class AuditingAuthorizationResultHandler(AuditLog audit) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Forbidden)
            await audit.WriteAsync(context, audit.Describe(context, AuditActions.Denied, StatusCodes.Status403Forbidden));
    }
}
