using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CareFlow.Web.Endpoints.Care;

/// <summary>
/// The public OpenAPI document (<c>/openapi/v1.json</c>) is the contract of the care API under <c>/api</c> only: the
/// provider pages (<c>/r/…</c>), the admin routes, the designer and the Elsa-compatible API (<c>/elsa/api</c>, whose
/// contract is Elsa's) are not part of it.
/// </summary>
internal static class CareApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddSchemaTransformer(EnumsWithoutNull);
        options.AddDocumentTransformer(RefusalsCarryProblemDetails);
    }

    /// <summary>
    /// A nullable enum property is documented as <c>oneOf: [null, $ref]</c>; the shared enum schema must then not list
    /// <c>null</c> itself, or a null value matches both branches and no document-valid response could carry it.
    /// </summary>
    private static Task EnumsWithoutNull(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null || v.GetValueKind() == JsonValueKind.Null))
            schema.Enum = values.Where(v => v is not null && v.GetValueKind() != JsonValueKind.Null).ToList();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The host answers every refusal without a body of its own (<c>TypedResults.NotFound()</c> and the like) with
    /// problem details, so every documented 4xx response without content is documented as <c>application/problem+json</c>.
    /// </summary>
    private static Task RefusalsCarryProblemDetails(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var path in document.Paths.Values)
        {
            if (path.Operations is null) continue;
            foreach (var operation in path.Operations.Values)
            {
                if (operation.Responses is null) continue;
                foreach (var (status, response) in operation.Responses)
                {
                    if (!status.StartsWith('4') || response is not OpenApiResponse concrete || concrete.Content is { Count: > 0 })
                        continue;
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }
}
