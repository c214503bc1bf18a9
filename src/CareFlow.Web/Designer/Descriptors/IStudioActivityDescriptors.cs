using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Descriptors;

/// <summary>The activity descriptors Studio's toolbox and property panel show, as Studio's JSON.</summary>
public interface IStudioActivityDescriptors
{
    /// <summary>Every descriptor (a fresh array each call), keyed later by <c>typeName</c>.</summary>
    JsonArray GetDescriptors();
}
