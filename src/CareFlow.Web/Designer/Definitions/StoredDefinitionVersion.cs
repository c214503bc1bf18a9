using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>
/// One stored version of a workflow definition. <see cref="Document"/> is the whole Elsa 3 definition JSON
/// (kept as text so callers cannot alias it). <see cref="Revision"/> counts saves of this version; with
/// <see cref="RevisionSession"/> and <see cref="RevisionRunStart"/> it lets the service tell a designer's own
/// overlapping auto-saves from a stale save by someone else.
/// </summary>
public sealed record StoredDefinitionVersion
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public bool IsLatest { get; init; }
    public bool IsPublished { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public required string Document { get; init; }
    public int Revision { get; init; } = 1;
    public string? RevisionSession { get; init; }
    public int RevisionRunStart { get; init; } = 1;

    public string? Name => ParseDocument()["name"] is JsonValue value && value.TryGetValue(out string? name) ? name : null;

    /// <summary>A fresh, caller-owned copy of the document.</summary>
    public JsonObject ParseDocument() => JsonNode.Parse(Document) as JsonObject ?? [];
}
