namespace CareFlow.Web.Designer.Forms;

/// <summary>
/// The installed form-js package (<c>@bpmn-io/form-js</c>, pinned in <c>form-editor-bundle/package-lock.json</c>), read
/// from <c>node_modules</c> (the build runs <c>npm ci</c>; <c>dotnet publish</c> copies the served files beside the app).
/// Only <see cref="Files"/> are served: the editor's UMD bundle and the stylesheets it needs, nothing else of the package.
/// </summary>
public sealed class FormEditorBundle
{
    internal const string PackageRelativePath = "form-editor-bundle/node_modules/@bpmn-io/form-js";

    /// <summary>Where the page loads the files from: <c>/designer/forms/editor/</c> + the file's path in the package.</summary>
    public const string UrlPrefix = "/designer/forms/editor/";

    /// <summary>The served files (path in the package, content type), in the order the editor page links them.</summary>
    public static IReadOnlyList<(string Path, string ContentType)> Files { get; } =
    [
        ("dist/assets/form-js.css", "text/css; charset=utf-8"),
        ("dist/assets/form-js-editor.css", "text/css; charset=utf-8"),
        ("dist/assets/draggle.css", "text/css; charset=utf-8"),
        ("dist/assets/properties-panel.css", "text/css; charset=utf-8"),
        ("dist/form-editor.umd.js", "text/javascript; charset=utf-8"),
    ];

    /// <summary>
    /// The editor page's policy: CareFlow's own (same origin only, no inline script, no framing) with two additions
    /// form-js 1.23's editor needs. <c>style-src-elem 'unsafe-inline'</c>: the properties panel's CodeMirror editors
    /// (style-mod) write their theme into &lt;style&gt; elements in the document head, with generated class names and
    /// without a nonce form-js could pass on, so neither a hash nor a nonce can admit them; style attributes stay
    /// refused (form-js sets styles through the CSSOM). <c>img-src data:</c>: the palette's drag image and icons in
    /// the stylesheets are data: URLs. Nothing may load from another origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src-elem 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public FormEditorBundle(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, PackageRelativePath),
            Path.Combine(AppContext.BaseDirectory, PackageRelativePath),
        ];
        RootPath = candidates.FirstOrDefault(path => Files.All(file => File.Exists(Path.Combine(path, file.Path))));
    }

    /// <summary>The package folder, or null when it is not installed (build CareFlow.Web: it runs <c>npm ci</c>).</summary>
    public string? RootPath { get; }

    public bool IsInstalled => RootPath is not null;

    /// <summary>The URL of a served file.</summary>
    public static string Url(string path) => UrlPrefix + path;
}
