using System.Text.Json.Nodes;

namespace CareFlow.Core.Care.Tasks;

/// <summary>
/// What a coordinator's checked answers to a task's form record in the client's record, decided by the task's kind
/// (a screening, a consent, a check-in outcome, …). Runs in the completing use case's unit of work, before the
/// workflow is signalled; the value returned is what the waiting activity receives as its result.
/// </summary>
public sealed class TaskFormEffects(ICareData data)
{
    private readonly ICareData data = data;

    /// <summary>Records the effect of <paramref name="answers"/> (given by <paramref name="by"/>) and returns the workflow's result.</summary>
    public Task<JsonNode?> ApplyAsync(CoordinatorTask task, JsonObject answers, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(data);
        return task.Kind switch
        {
            _ => Task.FromResult<JsonNode?>(answers),
        };
    }
}
