using CareFlow.Web.Endpoints.Forms;
using CareFlow.Web.Security;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>The care API under <c>/api</c>: signed-in users or API keys only (anonymous → 401), caseload-scoped queries.</summary>
public static class CareApi
{
    public static IEndpointRouteBuilder MapCareApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(CareFlowPolicies.ElsaApi).DisableAntiforgery()
            .AddEndpointFilterFactory(DefinedEnumFilter.Create)
            // Every operation may refuse its input (binding, validation), the caller, or a missing or wrong-typed body.
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        // Everything but the directory reads or changes client data: audited, never cached.
        var clientData = api.MapGroup("").WithMetadata(new ClientDataAttribute());
        clientData.MapClients();
        clientData.MapCases();
        clientData.MapConsents();
        clientData.MapScreenings();
        api.MapDirectory();
        api.MapForms();
        clientData.MapReferrals();
        clientData.MapTasks();
        clientData.MapCheckIns();
        clientData.MapAdvocacy();
        clientData.MapBarriers();
        return endpoints;
    }
}
