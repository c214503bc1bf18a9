using Microsoft.AspNetCore.StaticFiles;

namespace CareFlow.Web.Designer;

/// <summary>Content types for the bundle's files, including the ones ASP.NET Core does not map by default.</summary>
internal static class StudioBundleContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = CreateProvider();

    /// <summary>The content type of <paramref name="path"/>; a <c>.br</c>/<c>.gz</c> variant is typed as the file it encodes.</summary>
    public static bool TryGet(string path, out string contentType)
    {
        var fileName = Path.GetFileName(path);
        if (fileName.EndsWith(".br", StringComparison.Ordinal) || fileName.EndsWith(".gz", StringComparison.Ordinal))
            fileName = fileName[..^3];
        return Provider.TryGetContentType(fileName, out contentType!);
    }

    private static FileExtensionContentTypeProvider CreateProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        // Without .dat the ICU data file is refused and the app never starts (contract trap 6).
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".blat"] = "application/octet-stream";
        provider.Mappings[".dll"] = "application/octet-stream";
        provider.Mappings[".pdb"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".woff2"] = "font/woff2";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".json"] = "application/json";
        return provider;
    }
}
