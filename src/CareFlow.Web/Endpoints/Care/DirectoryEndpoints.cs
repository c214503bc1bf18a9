using CareFlow.Core.Care;
using CareFlow.Core.Care.Directory;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>The HSDS-shaped provider directory: list services with cost and eligibility, and import an HSDS JSON file.</summary>
public static class DirectoryEndpoints
{
    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/directory").WithTags("Directory");
        group.MapGet("/services", ListAsync);
        group.MapGet("/services/{id}", GetAsync);
        group.MapPost("/import", ImportAsync).Accepts<object>("application/json");
        return api;
    }

    private static async Task<Ok<List<ServiceListing>>> ListAsync(string? category, bool? includeInactive, ICareData data, CancellationToken cancellationToken)
    {
        var entries = await DirectoryCatalog.ListAsync(data, category, includeInactive == true, cancellationToken: cancellationToken);
        return TypedResults.Ok(entries.Select(e => new ServiceListing(e.Service, e.Organization?.Name ?? "", e.CostOptions)).ToList());
    }

    private static async Task<Results<Ok<ServiceListing>, NotFound>> GetAsync(string id, ICareData data, CancellationToken cancellationToken)
    {
        var service = await data.FirstOrDefaultAsync(data.Query<Service>().Where(s => s.Id == id), cancellationToken);
        if (service is null) return TypedResults.NotFound();
        var org = await data.FirstOrDefaultAsync(data.Query<Organization>().Where(o => o.Id == service.OrganizationId), cancellationToken);
        var costs = await data.ToListAsync(data.Query<CostOption>().Where(c => c.ServiceId == id), cancellationToken);
        return TypedResults.Ok(new ServiceListing(service, org?.Name ?? "", costs));
    }

    private static async Task<Results<Ok<HsdsImportResult>, ValidationProblem, ForbidHttpResult>> ImportAsync(HttpRequest request, ICareData data, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(request.HttpContext.User);
        if (!caseload.SeesAll && !request.HttpContext.User.IsInRole(CareFlowRoles.Admin)) return TypedResults.Forbid();
        try
        {
            return TypedResults.Ok(await HsdsImport.RunAsync(data, time, request.Body, cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
