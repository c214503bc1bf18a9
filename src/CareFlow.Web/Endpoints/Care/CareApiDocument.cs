using Microsoft.AspNetCore.OpenApi;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// The public OpenAPI document (<c>/openapi/v1.json</c>) is the contract of the care API under <c>/api</c> only: the
/// provider pages (<c>/r/…</c>), the admin routes, the designer and the Elsa-compatible API (<c>/elsa/api</c>, whose
/// contract is Elsa's) are not part of it.
/// </summary>
internal static class CareApiDocument
{
    public static void Configure(OpenApiOptions options) =>
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
}
