using CareFlow.Core.Care;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary><c>/api/clients</c>: search the caseload's clients, and intake (which starts the intake workflow).</summary>
public static class ClientsEndpoints
{
    public static RouteGroupBuilder MapClients(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/clients").WithTags("Clients");
        group.MapGet("/", SearchAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/intake", IntakeAsync);
        return api;
    }

    private static async Task<Ok<List<ClientSummary>>> SearchAsync(string? q, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(http.User);
        var clientIds = caseload.Cases(data).Select(c => c.ClientId);
        var query = data.Query<Client>().Where(c => c.MergedIntoId == null && (caseload.SeesAll || clientIds.Contains(c.Id)));
        query = ClientLookup.Search(query, q);

        var clients = await data.ToListAsync(query.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(100)
            .Select(c => new ClientSummary(c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.DoNotContact)), cancellationToken);
        return TypedResults.Ok(clients);
    }

    private static async Task<Results<Ok<Client>, NotFound>> GetAsync(Guid id, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeClientAsync(data, id, cancellationToken)) return TypedResults.NotFound();
        var client = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == id), cancellationToken);
        return client is null ? TypedResults.NotFound() : TypedResults.Ok(client);
    }

    private static async Task<Results<Created<IntakeResponse>, ValidationProblem, ProblemHttpResult>> IntakeAsync(
        IntakeBody body, HttpContext http, IntakeClientHandler intakeClient, ICoordinatorRoster roster, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseload = Caseload.Of(http.User);
        if (IntakeBody.Validate(body, time.GetUtcNow()) is { } refused) return refused;
        // Who gets the case: the caller's own caseload unless a supervisor (admin, API key) names a coordinator; a
        // coordinator naming anyone else is refused rather than silently given the case.
        var requested = string.IsNullOrWhiteSpace(body.CoordinatorId) ? null : body.CoordinatorId.Trim();
        var coordinator = requested ?? caseload.UserId;
        if (requested is not null && requested != caseload.UserId)
        {
            if (!caseload.SeesAll) return SupervisionEndpoints.Forbidden("coordinatorId", "A coordinator takes intakes onto their own caseload only; a supervisor assigns other coordinators.");
            if (!await roster.IsCoordinatorAsync(requested, cancellationToken)) return CareProblems.Field("coordinatorId", "Choose an account in the coordinator role.");
        }

        var intake = new IntakeRequest
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), GivenName = body.GivenName!.Trim(), FamilyName = body.FamilyName!.Trim(), DateOfBirth = body.DateOfBirth!.Value,
            Phone = body.Phone, Email = body.Email, PreferredLanguage = body.PreferredLanguage, DoNotContact = body.DoNotContact,
            CoordinatorId = coordinator, CoordinatorName = coordinator, ReceivedAt = time.GetUtcNow(),
        };
        var outcome = await intakeClient.HandleAsync(intake, cancellationToken);
        if (outcome.Unavailable) return TypedResults.Problem(outcome.Failure, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (outcome.Failure is not null) return TypedResults.Problem(outcome.Failure, statusCode: StatusCodes.Status500InternalServerError);
        var done = outcome.Request!;
        return TypedResults.Created($"/api/cases/{done.CaseId}",
            new IntakeResponse(done.ClientId!.Value, done.CaseId!.Value, done.MatchKind.ToString()!, done.PossibleDuplicateOfId,
            IntakeClientHandler.DuplicateWarning(done.MatchKind), outcome.InstanceId!));
    }
}
