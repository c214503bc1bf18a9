using CareFlow.Core.Care.Advocacy;

namespace CareFlow.Web.Endpoints.Care;

public sealed record AdvocacyBody(AdvocacyKind? Kind, string? Note);
