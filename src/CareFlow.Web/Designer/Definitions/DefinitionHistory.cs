namespace CareFlow.Web.Designer.Definitions;

/// <summary>Every version of one definition, with the stamp that guards its next change.</summary>
public sealed record DefinitionHistory(string DefinitionId, long Stamp, IReadOnlyList<StoredDefinitionVersion> Versions)
{
    public StoredDefinitionVersion? Latest => Versions.FirstOrDefault(v => v.IsLatest);

    public StoredDefinitionVersion? Published => Versions.FirstOrDefault(v => v.IsPublished);
}
