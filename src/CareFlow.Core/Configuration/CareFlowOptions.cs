namespace CareFlow.Core.Configuration;

/// <summary>Application settings, bound to the "CareFlow" configuration section.</summary>
public sealed class CareFlowOptions
{
    public const string SectionName = "CareFlow";

    /// <summary>Folder for the embedded database and the email outbox; relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string[] ApiKeys { get; set; } = [];

    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Seeds demonstration data on an empty database.</summary>
    public bool DemoData { get; set; } = true;
}
