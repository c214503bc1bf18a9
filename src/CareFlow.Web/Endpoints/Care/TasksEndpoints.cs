using CareFlow.Core.Care;
using CareFlow.Core.Care.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>The coordinator's task inbox; completing a task resumes the workflow waiting on it.</summary>
public static class TasksEndpoints
{
    public static RouteGroupBuilder MapTasks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/complete", CompleteAsync);
        return api;
    }

    private static async Task<Ok<List<CoordinatorTask>>> ListAsync(CoordinatorTaskStatus? status, Guid? caseId, HttpContext http, ICareData data, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        var query = data.Query<CoordinatorTask>().Where(t => caseIds.Contains(t.CaseId));
        query = status is { } s ? query.Where(t => t.Status == s) : query.Where(t => t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue);
        if (caseId is { } id) query = query.Where(t => t.CaseId == id);
        return TypedResults.Ok(await data.ToListAsync(query.OrderBy(t => t.DueAt).Take(500), cancellationToken));
    }

    private static async Task<Results<Ok<CoordinatorTask>, ValidationProblem, NotFound>> CompleteAsync(Guid id, CompleteTaskBody? body, HttpContext http,
        ICareData data, ICareSignals signals, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseIds = Caseload.Of(http.User).CaseIds(data);
        if (await data.CountAsync(data.Query<CoordinatorTask>().Where(t => t.Id == id && caseIds.Contains(t.CaseId)), cancellationToken) == 0) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await CompleteTasks.CompleteAsync(data, signals, time, id, body?.Result, CareProblems.By(http), cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
