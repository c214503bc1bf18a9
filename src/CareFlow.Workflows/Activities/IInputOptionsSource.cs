namespace CareFlow.Workflows.Activities;

/// <summary>
/// Options of a dropdown input that are only known at run time (e.g. the published forms), read each time the designer
/// asks for the activity descriptors. An input names its source with <see cref="InputAttribute.OptionsSource"/>.
/// </summary>
public interface IInputOptionsSource
{
    /// <summary>The name inputs refer to, e.g. <c>forms</c>.</summary>
    string Name { get; }

    /// <summary>The text of the empty first choice (the input left unset), e.g. <c>(no form)</c>.</summary>
    string EmptyText { get; }

    /// <summary>The current options, in display order.</summary>
    Task<IReadOnlyList<InputOption>> GetOptionsAsync(CancellationToken cancellationToken = default);
}

/// <summary>A dropdown choice: the value stored in the definition and the text the designer shows.</summary>
public sealed record InputOption(string Value, string Text);
