using System.Text.Json.Nodes;
using CareFlow.Core.Forms;

namespace CareFlow.Web.Endpoints.Forms;

/// <summary>One version of a form as the API answers it: the form-js schema with its version, state and concurrency stamp.</summary>
public sealed record FormVersionResponse(string Id, string Name, int Version, bool IsPublished, bool IsLatest, Guid ConcurrencyStamp, JsonObject Schema)
{
    public static FormVersionResponse From(FormVersion version) => new(version.FormId, version.Name, version.Version, version.IsPublished, version.IsLatest,
        version.ConcurrencyStamp, JsonNode.Parse(version.SchemaJson) as JsonObject ?? []);
}
