using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CareFlow.Web.Designer;

/// <summary>
/// Serves the Studio bundle under <c>/designer/</c> (the host pages' base href), choosing the package's
/// precompressed <c>.br</c> or <c>.gz</c> copy when the client accepts it. Only the folders the bootstrap
/// loads are exposed: <c>_framework/</c>, <c>_content/</c>, <c>appsettings.json</c> (read by dotnet.js) and the
/// host's scoped CSS; the package's broken <c>index.html</c> is not.
/// </summary>
public sealed class StudioBundleMiddleware(RequestDelegate next, StudioBundle bundle)
{
    private static readonly PathString Base = "/designer";

    public Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            return next(context);
        if (!context.Request.Path.StartsWithSegments(Base, StringComparison.Ordinal, out var rest) || !IsBundlePath(rest))
            return next(context);
        if (rest.Value!.EndsWith(".br", StringComparison.Ordinal) || rest.Value.EndsWith(".gz", StringComparison.Ordinal))
            return next(context);
        var file = bundle.Files.GetFileInfo(rest.Value);
        if (!file.Exists || file.IsDirectory || !StudioBundleContentTypes.TryGet(rest.Value, out var contentType))
            return next(context);
        return ServeAsync(context, rest.Value, file, contentType);
    }

    internal static bool IsBundlePath(PathString rest) =>
        rest.StartsWithSegments("/_framework", StringComparison.Ordinal)
        || rest.StartsWithSegments("/_content", StringComparison.Ordinal)
        || rest.Equals("/appsettings.json", StringComparison.Ordinal)
        || rest.Equals("/Elsa.Studio.Host.CustomElements.styles.css", StringComparison.Ordinal);

    private Task ServeAsync(HttpContext context, string path, IFileInfo file, string contentType)
    {
        var (served, encoding) = ChooseVariant(context, path, file);
        var response = context.Response;
        var etag = $"\"{served.LastModified.UtcTicks:x}-{served.Length:x}{(encoding is null ? "" : "-" + encoding)}\"";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = etag;
        response.Headers.LastModified = served.LastModified.ToString("R");
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = contentType;
        if (encoding is not null)
            response.Headers.ContentEncoding = encoding;
        response.ContentLength = served.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.SendFileAsync(served, context.RequestAborted);
    }

    private (IFileInfo File, string? Encoding) ChooseVariant(HttpContext context, string path, IFileInfo file)
    {
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0))
                continue;
            var variant = bundle.Files.GetFileInfo(path + suffix);
            if (variant.Exists)
                return (variant, encoding);
        }
        return (file, null);
    }
}
