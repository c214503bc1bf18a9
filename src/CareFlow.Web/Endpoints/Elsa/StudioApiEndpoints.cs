namespace CareFlow.Web.Endpoints.Elsa;

/// <summary>Maps the Studio API (definitions and descriptors) under <c>/elsa/api</c>.</summary>
public static class StudioApiEndpoints
{
    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = ElsaApiGroup.Map(endpoints);
        api.MapWorkflowDefinitionQueries();
        api.MapWorkflowDefinitionCommands();
        api.MapDescriptors();
        // Requests Studio never sends: a 404 problem, never a 5xx or an HTML page.
        api.Map("/{**rest}", (string? rest) => StudioRequests.Problem(StatusCodes.Status404NotFound, $"No Elsa API route '/{rest}'."));
        return endpoints;
    }
}
