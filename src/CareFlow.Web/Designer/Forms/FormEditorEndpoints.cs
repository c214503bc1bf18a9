using CareFlow.Web.Security;
using Microsoft.Net.Http.Headers;

namespace CareFlow.Web.Designer.Forms;

/// <summary>Serves <see cref="FormEditorBundle.Files"/> (and nothing else of the package) under <see cref="FormEditorBundle.UrlPrefix"/>.</summary>
public static class FormEditorEndpoints
{
    public static IEndpointRouteBuilder MapFormEditorBundle(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, contentType) in FormEditorBundle.Files)
        {
            // Designers only, like the pages that load them: nobody else needs the editor.
            endpoints.MapGet(FormEditorBundle.Url(path), (FormEditorBundle bundle, HttpContext context) => Serve(bundle, context, path, contentType))
                .RequireAuthorization(CareFlowPolicies.DesignerPages).ExcludeFromDescription();
        }
        return endpoints;
    }

    private static IResult Serve(FormEditorBundle bundle, HttpContext context, string path, string contentType)
    {
        if (bundle.RootPath is not { } root)
            return TypedResults.NotFound();
        var file = new FileInfo(Path.Combine(root, path));
        context.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue($"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"");
        return TypedResults.PhysicalFile(file.FullName, contentType, lastModified: file.LastWriteTimeUtc, entityTag: etag);
    }
}
