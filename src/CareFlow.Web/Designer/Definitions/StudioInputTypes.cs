using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Web.Designer.Descriptors;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>Studio sends <c>typeName: null</c> for inputs it just created; fill them in from the descriptors.</summary>
public sealed class StudioInputTypes(IStudioActivityDescriptors descriptors)
{
    public void FillMissingTypeNames(JsonObject document)
    {
        if (document["root"] is JsonObject root)
            Visit(root, descriptors.ByTypeName());
    }

    private static void Visit(JsonObject activity, Dictionary<string, JsonObject> known)
    {
        if (DefinitionDocuments.Text(activity["type"]) is { } type && known.TryGetValue(type, out var descriptor)
            && descriptor["inputs"] is JsonArray inputs)
        {
            foreach (var input in inputs.OfType<JsonObject>())
            {
                var name = DefinitionDocuments.Text(input["name"]);
                if (string.IsNullOrEmpty(name))
                    continue;
                var property = JsonNamingPolicy.CamelCase.ConvertName(name);
                if (activity[property] is JsonObject wrapped && wrapped.ContainsKey("expression")
                    && wrapped["typeName"] is null && input["typeName"] is JsonValue typeName)
                    wrapped["typeName"] = typeName.DeepClone();
            }
        }
        if (activity["activities"] is JsonArray children)
        {
            foreach (var child in children.OfType<JsonObject>())
                Visit(child, known);
        }
    }
}
