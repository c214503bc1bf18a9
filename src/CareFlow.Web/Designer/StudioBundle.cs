using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Designer;

/// <summary>
/// The installed Elsa Studio npm bundle, read straight from <c>node_modules</c> (the build runs <c>npm ci</c>;
/// <c>dotnet publish</c> copies the package beside the app).
/// </summary>
public sealed class StudioBundle
{
    internal const string PackageRelativePath = "designer-bundle/node_modules/@elsa-workflows/elsa-studio-wasm";

    public StudioBundle(IOptions<DesignerOptions> options, IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            options.Value.BundlePath ?? "",
            Path.Combine(environment.ContentRootPath, PackageRelativePath),
            Path.Combine(AppContext.BaseDirectory, PackageRelativePath),
        ];
        RootPath = candidates.FirstOrDefault(path =>
            path.Length > 0 && File.Exists(Path.Combine(path, "_framework", "blazor.webassembly.js")));
        Files = RootPath is null ? new NullFileProvider() : new PhysicalFileProvider(RootPath);
    }

    /// <summary>The package folder, or null when the bundle is not installed (run <c>dotnet build</c>).</summary>
    public string? RootPath { get; }

    public bool IsInstalled => RootPath is not null;

    public IFileProvider Files { get; }
}
