using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Definitions;
using CareFlow.Web.Designer.Descriptors;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Designer.Engine;

/// <summary>
/// The engine's parser and validator (types, ports, inputs, expression types, scripts per
/// <c>CareFlow:Designer:AllowScripts</c>), plus the designer's structural checks (unique ids, dangling connections).
/// </summary>
public sealed class EngineDefinitionValidator(ActivityCatalogue catalogue, IStudioActivityDescriptors descriptors, IOptions<DesignerOptions> options)
    : IStudioDefinitionValidator
{
    private readonly WorkflowDefinitionValidator _validator = new(catalogue);
    private readonly BasicDefinitionValidator _basic = new(descriptors, options);

    public IReadOnlyList<DefinitionProblem> Validate(JsonObject definition)
    {
        var problems = new List<DefinitionProblem>();
        try
        {
            var parsed = WorkflowDefinitionParser.FromJson((JsonObject)definition.DeepClone());
            var validation = new ValidationOptions { AllowScripts = options.Value.AllowScripts };
            problems.AddRange(_validator.Validate(parsed, validation).Select(e => new DefinitionProblem(e.Path, e.Message)));
        }
        catch (DefinitionException ex)
        {
            problems.AddRange(ex.Errors.Select(e => new DefinitionProblem(e.Path, e.Message)));
        }
        var reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(_basic.Validate(definition).Where(p => !reported.Contains(p.Path)));
        return problems;
    }
}
