namespace CareFlow.Web.Endpoints.Forms;

/// <summary>Which version to publish; without one, the latest.</summary>
public sealed record PublishFormBody(int? Version);
