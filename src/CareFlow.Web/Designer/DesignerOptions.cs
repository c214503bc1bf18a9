namespace CareFlow.Web.Designer;

/// <summary>Designer settings, section <c>CareFlow:Designer</c>.</summary>
public sealed class DesignerOptions
{
    public const string SectionName = "CareFlow:Designer";

    /// <summary>Offer JavaScript in Studio's expression menu. Off by default; the engine validates scripts either way.</summary>
    public bool AllowScripts { get; set; }

    /// <summary>Where the Elsa Studio bundle lies; by default <c>designer-bundle/node_modules/@elsa-workflows/elsa-studio-wasm</c> under the content root or the app folder.</summary>
    public string? BundlePath { get; set; }
}
