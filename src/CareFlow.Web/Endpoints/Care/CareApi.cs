using CareFlow.Web.Security;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>The care API under <c>/api</c>: signed-in users or API keys only (anonymous → 401), caseload-scoped queries.</summary>
public static class CareApi
{
    public static IEndpointRouteBuilder MapCareApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(CareFlowPolicies.ElsaApi).DisableAntiforgery();
        api.MapClients();
        api.MapCases();
        api.MapConsents();
        api.MapScreenings();
        api.MapDirectory();
        api.MapReferrals();
        api.MapTasks();
        api.MapCheckIns();
        api.MapAdvocacy();
        api.MapBarriers();
        return endpoints;
    }
}
