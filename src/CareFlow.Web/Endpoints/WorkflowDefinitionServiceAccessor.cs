using CareFlow.Workflows.Management;

namespace CareFlow.Web.Endpoints;

/// <summary>Looks up variable names of the definition version an instance runs on.</summary>
public sealed class WorkflowDefinitionServiceAccessor(IWorkflowDefinitionStore store)
{
    public async Task<IReadOnlyDictionary<string, string>> VariableNamesAsync(string versionId, CancellationToken cancellationToken)
    {
        var stored = await store.FindByIdAsync(versionId, cancellationToken);
        return stored is null
            ? new Dictionary<string, string>()
            : WorkflowDefinitionService.Materialize(stored).AllVariables.ToDictionary(v => v.Id, v => v.Name);
    }
}
