using CareFlow.Core.Care;
using CareFlow.Core.Care.Screening;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>Screening: the instrument (questions as data) and submitting a case's answers, which become needs.</summary>
public static class ScreeningsEndpoints
{
    public static RouteGroupBuilder MapScreenings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Screening");
        group.MapGet("/screening/instruments/{id}", GetInstrument);
        group.MapGet("/cases/{caseId:guid}/screenings", ListAsync);
        group.MapPost("/cases/{caseId:guid}/screenings", SubmitAsync);
        return api;
    }

    private static Results<Ok<ScreeningInstrument>, NotFound> GetInstrument(string id) =>
        ScreeningInstruments.Find(id) is { } instrument ? TypedResults.Ok(instrument) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ClientScreening>>, NotFound>> ListAsync(Guid caseId, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(await data.ToListAsync(data.Query<ClientScreening>().Where(s => s.CaseId == caseId).OrderBy(s => s.ScreenedAt), cancellationToken));
    }

    private static async Task<Results<Created<ScreeningResponse>, ValidationProblem, NotFound>> SubmitAsync(Guid caseId, ScreeningBody body, HttpContext http,
        ICareData data, SubmitScreeningHandler submitScreening, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeCaseAsync(data, caseId, cancellationToken)) return TypedResults.NotFound();
        try
        {
            var (screening, needs) = await submitScreening.HandleAsync(caseId, body?.InstrumentId, body?.Answers, CareProblems.By(http), cancellationToken);
            return TypedResults.Created($"/api/cases/{caseId}/screenings",
                new ScreeningResponse(screening.Id, screening.PositiveDomains.Split(',', StringSplitOptions.RemoveEmptyEntries), screening.RequiresStabilization, needs));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
