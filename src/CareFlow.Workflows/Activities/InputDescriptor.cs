using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareFlow.Workflows.Activities;

/// <summary>An activity input as Elsa Studio describes it.</summary>
public sealed record InputDescriptor
{
    /// <summary>The PascalCase input name (the JSON property is its camelCase form).</summary>
    public required string Name { get; init; }

    /// <summary>The Elsa type name, e.g. <c>String</c>, <c>TimeSpan</c>, <c>List&lt;String&gt;</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>The label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Help text.</summary>
    public string? Description { get; init; }

    /// <summary>Display order.</summary>
    public float Order { get; init; }

    /// <summary>Property-panel group.</summary>
    public string? Category { get; init; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Always false for CareFlow inputs.</summary>
    public bool IsSynthetic { get; init; }

    /// <summary>Whether the JSON value is a wrapped input.</summary>
    public bool IsWrapped { get; init; } = true;

    /// <summary>Whether the designer shows it read-only.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Whether the value is masked.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>The editor.</summary>
    public required string UIHint { get; init; }

    /// <summary>The designer default.</summary>
    public JsonNode? DefaultValue { get; init; }

    /// <summary>The default expression type, usually <c>Literal</c>.</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>Editor settings such as dropdown options.</summary>
    public JsonObject? UISpecifications { get; init; }

    /// <summary>Storage driver (unused).</summary>
    public string? StorageDriverType { get; init; }

    /// <summary>The <see cref="IInputOptionsSource"/> that fills the dropdown when descriptors are served. Not part of Studio's contract.</summary>
    [JsonIgnore]
    public string? OptionsSource { get; init; }

    /// <summary>Whether a definition must set it. Not part of Studio's contract; used by validation.</summary>
    public bool IsRequired { get; init; }

    /// <summary>Whether scripts may compute it. Not part of Studio's contract; used by validation.</summary>
    public bool AllowScript { get; init; } = true;
}
