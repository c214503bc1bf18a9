using CareFlow.Core.Audit;
using CareFlow.Core.Forms;
using CareFlow.Web.Audit;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Endpoints.Forms;

/// <summary>
/// Forms (form-js schemas, versioned like workflow definitions): every signed-in user or API key lists them and reads
/// published versions; designers (and API keys) also read drafts, save and publish. Saves and publishes are audited.
/// </summary>
public static class FormsEndpoints
{
    public static RouteGroupBuilder MapForms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/forms").WithTags("Forms");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}", SaveAsync).RequireAuthorization(CareFlowPolicies.Designer).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(CareFlowPolicies.Designer).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FormSummary>>> ListAsync(FormCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.ListAsync(cancellationToken));

    /// <summary>The published version; <c>?version=</c> that version, <c>?latest=true</c> the newest (drafts for designers only).</summary>
    private static async Task<Results<Ok<FormVersionResponse>, NotFound, ForbidHttpResult>> GetAsync(string id, int? version, bool? latest, HttpContext http,
        FormCatalog catalog, CancellationToken cancellationToken)
    {
        if (!FormSchemaReader.IsValidFormId(id) || version is <= 0) return TypedResults.NotFound();
        var found = await catalog.GetAsync(id, version, latest == true, cancellationToken);
        if (found is null) return TypedResults.NotFound();
        if (!found.IsPublished && !CareFlowPolicies.CanDesign(http.User)) return TypedResults.Forbid();
        return TypedResults.Ok(FormVersionResponse.From(found));
    }

    private static async Task<Results<Ok<FormVersionResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(string id, SaveFormBody? body, HttpContext http,
        FormCatalog catalog, AuditLog audit, CancellationToken cancellationToken)
    {
        if (body is null) return CareProblems.Field("schema", "Send the form as {\"schema\": {...}, \"concurrencyStamp\": \"...\"}.");
        try
        {
            var saved = await catalog.SaveDraftAsync(id, body.Schema, body.ConcurrencyStamp, CareProblems.By(http), cancellationToken);
            await AuditAsync(http, audit, id, $"saved draft version {saved.Version}");
            return TypedResults.Ok(FormVersionResponse.From(saved));
        }
        catch (FormSchemaException ex)
        {
            var errors = ex.Problems.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(errors, title: "The form was refused.", detail: ex.Message);
        }
        catch (FormConflictException ex)
        {
            return CareProblems.Conflict("concurrencyStamp", ex.Message);
        }
    }

    private static async Task<Results<Ok<FormVersionResponse>, NotFound, ProblemHttpResult>> PublishAsync(string id, PublishFormBody? body, HttpContext http,
        FormCatalog catalog, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!FormSchemaReader.IsValidFormId(id) || body?.Version is <= 0) return TypedResults.NotFound();
        try
        {
            var published = await catalog.PublishAsync(id, body?.Version, CareProblems.By(http), cancellationToken);
            await AuditAsync(http, audit, id, $"published version {published.Version}");
            return TypedResults.Ok(FormVersionResponse.From(published));
        }
        catch (FormNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (FormConflictException ex)
        {
            return CareProblems.Conflict("version", ex.Message);
        }
    }

    /// <summary>One audit row per designer write: who, which form, what was done to which version.</summary>
    private static Task AuditAsync(HttpContext http, AuditLog audit, string formId, string what)
    {
        var entry = audit.Describe(http, AuditActions.FormDesign, StatusCodes.Status200OK, "form", formId);
        entry.Route = $"{entry.Route} ({what})";
        return audit.WriteAsync(http, entry);
    }
}
