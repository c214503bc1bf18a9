using CareFlow.Workflows.Activities;

namespace CareFlow.Core.Forms;

/// <summary>The published forms (id → name) as a designer dropdown: inputs with <c>OptionsSource = "forms"</c>.</summary>
public sealed class PublishedFormOptions(FormCatalog catalog) : IInputOptionsSource
{
    /// <summary>The source name activities' form inputs refer to.</summary>
    public const string SourceName = "forms";

    public string Name => SourceName;

    public string EmptyText => "(no form)";

    public async Task<IReadOnlyList<InputOption>> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        var forms = await catalog.ListAsync(cancellationToken);
        return [.. forms.Where(f => f.PublishedVersion is not null).OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(f => new InputOption(f.Id, f.Name))];
    }
}
