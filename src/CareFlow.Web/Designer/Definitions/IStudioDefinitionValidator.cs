using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>Checks a whole definition document before anything is stored.</summary>
public interface IStudioDefinitionValidator
{
    IReadOnlyList<DefinitionProblem> Validate(JsonObject definition);
}
