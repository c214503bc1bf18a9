using CareFlow.Web.Security;
using CareFlow.Workflows.Management;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlow.Web.Designer;

/// <summary>The designer's pages: the definition list at <c>/designer</c> and an editor per definition.</summary>
public static class DesignerPages
{
    /// <summary>Definition ids the editor route accepts; dots are left to the bundle's files (appsettings.json, *.css).</summary>
    private const string DefinitionIdRoute = "{definitionId:regex(^[A-Za-z0-9_-]{{1,200}}$)}";

    public static IEndpointRouteBuilder MapDesignerPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/designer").RequireAuthorization(CareFlowPolicies.SignedIn).ExcludeFromDescription();
        pages.MapGet("/", ListPageAsync);
        pages.MapGet("/" + DefinitionIdRoute, EditorPage);
        // Where Studio's Run button navigates with the new instance id.
        pages.MapGet("/workflows/instances/{instanceId}/view", InstancePage).RequireAuthorization(CareFlowPolicies.WorkflowInstances);
        // Studio's own navigation target (e.g. after "Save as"); CareFlow's editor page lives at /designer/{id}.
        pages.MapGet("/workflows/definitions/{definitionId}/edit", (string definitionId) =>
            TypedResults.LocalRedirect("/designer/" + Uri.EscapeDataString(definitionId)));
        endpoints.MapGet(DesignerAssets.ScriptPath, () => TypedResults.Text(DesignerAssets.Script, "text/javascript; charset=utf-8"))
            .ExcludeFromDescription();
        endpoints.MapGet(DesignerAssets.StylePath, () => TypedResults.Text(DesignerAssets.Style, "text/css; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ListPageAsync(HttpContext context, IAntiforgery antiforgery, StudioBundle bundle,
        WorkflowDefinitionService definitions, CancellationToken cancellationToken)
    {
        if (!bundle.IsInstalled)
            return BundleMissing();
        var (items, _) = await definitions.ListAsync(new DefinitionQuery { VersionOptions = VersionOptions.Latest }, cancellationToken);
        var latest = items.OrderBy(d => d.Name ?? d.DefinitionId, StringComparer.OrdinalIgnoreCase).ToList();
        var rows = string.Concat(latest.Select(d =>
        {
            var id = Uri.EscapeDataString(d.DefinitionId);
            return $"<tr><td>{DesignerHostPage.Encode(d.Name ?? d.DefinitionId)}</td><td><code>{DesignerHostPage.Encode(d.DefinitionId)}</code></td>"
                + $"<td>v{d.Version}{(d.IsPublished ? " published" : " draft")}</td>"
                + $"<td><a href=\"/designer/{id}\">Open</a></td>"
                + $"<td><a href=\"/elsa/api/workflow-definitions/{id}/export\" download=\"{DesignerHostPage.Encode(d.DefinitionId)}.json\">Export JSON</a></td></tr>";
        }));
        var table = latest.Count == 0
            ? "<section class=\"careflow-definitions\"><p>No workflow definitions yet.</p></section>"
            : $"<section class=\"careflow-definitions\"><h2>Export for <code>workflows/</code></h2><table><thead><tr><th>Name</th><th>Definition id</th><th>Latest</th><th></th><th></th></tr></thead><tbody>{rows}</tbody></table></section>";
        return DesignerHostPage.Render(context, antiforgery, "Workflows", FormsLink(context),
            "<elsa-workflow-definition-list data-careflow-endpoint=\"/elsa/api\"></elsa-workflow-definition-list>", table);
    }

    private static IResult EditorPage(string definitionId, HttpContext context, IAntiforgery antiforgery, StudioBundle bundle)
    {
        if (!bundle.IsInstalled)
            return BundleMissing();
        var id = DesignerHostPage.Encode(definitionId);
        var escaped = Uri.EscapeDataString(definitionId);
        var links = $"<a href=\"/designer\">All workflows</a> <a href=\"/elsa/api/workflow-definitions/{escaped}/export\" download=\"{id}.json\">Export JSON</a> {FormsLink(context)}";
        return DesignerHostPage.Render(context, antiforgery, definitionId, links,
            $"<elsa-workflow-definition-editor definition-id=\"{id}\" data-careflow-endpoint=\"/elsa/api\"></elsa-workflow-definition-editor>");
    }

    private static IResult InstancePage(string instanceId, HttpContext context, IAntiforgery antiforgery, StudioBundle bundle)
    {
        if (!bundle.IsInstalled)
            return BundleMissing();
        var links = "<a href=\"/designer\">All workflows</a>";
        return DesignerHostPage.Render(context, antiforgery, "Instance " + instanceId, links,
            $"<elsa-workflow-instance-viewer instance-id=\"{DesignerHostPage.Encode(instanceId)}\" data-careflow-endpoint=\"/elsa/api\"></elsa-workflow-instance-viewer>");
    }

    /// <summary>The form designer, for those who may use it.</summary>
    private static string FormsLink(HttpContext context) =>
        CareFlowPolicies.CanDesign(context.User) ? "<a href=\"/designer/forms\">Forms</a>" : "";

    private static ProblemHttpResult BundleMissing() => TypedResults.Problem(
        "The Elsa Studio bundle is not installed. Build CareFlow.Web (it runs npm ci in designer-bundle/) or set CareFlow:Designer:BundlePath.",
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Designer unavailable");
}
