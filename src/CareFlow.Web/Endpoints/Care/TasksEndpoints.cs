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
        var caseload = Caseload.Of(http.User);
        var query = TaskInbox.Query(data, caseload.CaseIds(data), caseload.SeesAll, status, caseId);
        return TypedResults.Ok(await data.ToListAsync(query.Take(500), cancellationToken));
    }

    private static async Task<Results<Ok<CoordinatorTask>, ValidationProblem, NotFound>> CompleteAsync(Guid id, CompleteTaskBody? body, HttpContext http,
        ICareData data, CompleteTaskHandler completeTask, CancellationToken cancellationToken)
    {
        if (!await Caseload.Of(http.User).CanSeeTaskAsync(data, id, cancellationToken)) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await completeTask.HandleAsync(id, body?.Answers ?? body?.Result, CareProblems.By(http), cancellationToken));
        }
        catch (CareValidationException ex)
        {
            return CareProblems.From(ex);
        }
    }
}
