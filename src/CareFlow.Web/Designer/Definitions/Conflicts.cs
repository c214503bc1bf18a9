using System.Globalization;
using System.Text.Json.Nodes;

namespace CareFlow.Web.Designer.Definitions;

/// <summary>
/// Optimistic concurrency for Studio's saves, which carry no ETag. A save must be based on the stored latest
/// version (<c>model.id</c>); within a draft, <c>customProperties["careflow:revision"]</c> (returned with every
/// save and round-tripped by Studio) must be the stored revision. The one allowance: a session's own
/// overlapping auto-saves, all based on revisions that session wrote itself, may follow each other.
/// </summary>
public static class Conflicts
{
    /// <summary>Null when the save may go ahead; otherwise why it is stale.</summary>
    public static string? Check(StoredDefinitionVersion? latest, JsonObject model, string? session)
    {
        if (latest is null)
            return null;
        var modelId = DefinitionDocuments.Text(model["id"]);
        var modelVersion = DefinitionDocuments.Number(model["version"]);
        if (string.IsNullOrEmpty(modelId) || modelId != latest.Id)
        {
            var basedOn = modelVersion is null ? "an unsaved copy" : string.Create(CultureInfo.InvariantCulture, $"version {modelVersion}");
            return string.Create(CultureInfo.InvariantCulture,
                $"This save is based on {basedOn}, but version {latest.Version} has been saved since. Reload the workflow and apply your change again.");
        }
        var revision = DefinitionDocuments.ReadRevision(model);
        if (revision is null || revision == latest.Revision)
            return null;
        var ownRun = session is not null && session == latest.RevisionSession
            && revision >= latest.RevisionRunStart - 1 && revision <= latest.Revision;
        return ownRun
            ? null
            : "Someone else changed this workflow since you opened it. Reload it and apply your change again.";
    }
}
