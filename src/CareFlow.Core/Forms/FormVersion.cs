namespace CareFlow.Core.Forms;

/// <summary>
/// One version of a form, as definitions are versioned: the latest version is a draft until published; publishing a
/// version unpublishes the one before; a save to a published latest version starts a new draft. Tasks pin the version
/// they were created with.
/// </summary>
public sealed class FormVersion
{
    /// <summary>The form's id, e.g. <c>check-in-outcome</c> (the schema's <c>id</c>).</summary>
    public string FormId { get; set; } = "";

    public int Version { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The form-js schema JSON.</summary>
    public string SchemaJson { get; set; } = "";

    public bool IsPublished { get; set; }

    /// <summary>True for the newest version of the form (draft or published).</summary>
    public bool IsLatest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Changes on every save; a save that names an older stamp is stale (409).</summary>
    public Guid ConcurrencyStamp { get; set; }
}
