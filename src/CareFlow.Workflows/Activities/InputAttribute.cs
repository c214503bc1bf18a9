namespace CareFlow.Workflows.Activities;

/// <summary>Marks a property of an activity as an input; its camelCase name is the JSON property on the activity.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The label shown in the designer; defaults to the property name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Help text shown in the designer.</summary>
    public string? Description { get; init; }

    /// <summary>The designer editor (<c>singleline</c>, <c>multiline</c>, <c>dropdown</c>, …); derived from the type when null.</summary>
    public string? UIHint { get; init; }

    /// <summary>The designer's default value.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Dropdown options; for enums they are the enum names.</summary>
    public string[]? Options { get; init; }

    /// <summary>
    /// The name of an <see cref="IInputOptionsSource"/> whose options fill the dropdown when the designer asks for the
    /// descriptors (options that change at run time, such as the published forms); shown with an empty choice first.
    /// </summary>
    public string? OptionsSource { get; init; }

    /// <summary>Whether the JSON value is wrapped as <c>{typeName, expression}</c> (most inputs are).</summary>
    public bool IsWrapped { get; init; } = true;

    /// <summary>Whether a definition must set it (checked before the definition is stored).</summary>
    public bool Required { get; init; }

    /// <summary>Whether scripts (JavaScript) may compute it; false for inputs that must be plain data.</summary>
    public bool AllowScript { get; init; } = true;

    /// <summary>The designer's property-panel group.</summary>
    public string? Category { get; init; }

    /// <summary>The display order in the designer.</summary>
    public float Order { get; init; }
}
