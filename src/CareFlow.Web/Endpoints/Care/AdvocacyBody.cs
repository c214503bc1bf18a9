using CareFlow.Core.Care.Advocacy;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>An advocacy note: its kind, what was done and (optionally) with whom.</summary>
public sealed record AdvocacyBody(AdvocacyKind? Kind, string? Note, string? WithWhom = null);
