namespace CareFlow.Infrastructure.Settings;

/// <summary>Absolute paths under the data folder (CareFlow:DataDirectory).</summary>
public sealed record CareFlowDataPaths(string Root)
{
    public string DatabaseFile => Path.Combine(Root, "careflow.db");

    public string Outbox => Path.Combine(Root, "outbox");

    public static CareFlowDataPaths Resolve(string dataDirectory, string workingDirectory) =>
        new(Path.GetFullPath(dataDirectory, workingDirectory));
}
