using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Forms;

namespace CareFlow.Web.Designer;

/// <summary>
/// At start-up, publishes each <c>forms/*.json</c> (form-js schemas) as a new form version unless the same content is
/// already the published version, or a designer has saved the form since (their edit wins; the file is skipped and
/// the log says why). A file that is not a valid form is logged and skipped; it never stops the app.
/// </summary>
public sealed partial class FormFileProvisioner(
    IServiceScopeFactory scopes, IConfiguration configuration, IWebHostEnvironment environment, ILogger<FormFileProvisioner> logger) : IHostedService
{
    /// <summary>The largest form file read (a form is a few kilobytes; a bigger file is a mistake).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = FindDirectory();
        if (directory is null)
        {
            LogNoDirectory(logger);
            return;
        }
        await ProvisionDirectoryAsync(directory, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Provisions every <c>*.json</c> of <paramref name="directory"/> in name order; returns what each file did.</summary>
    public async Task<IReadOnlyList<FormProvisioning>> ProvisionDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<FormProvisioning>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                if (new FileInfo(file).Length > MaxFileBytes)
                {
                    LogSkipped(logger, name, $"larger than {MaxFileBytes} bytes");
                    continue;
                }
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                var schema = JsonNode.Parse(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
                if (schema is null)
                {
                    LogSkipped(logger, name, "the file holds no form");
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                var catalog = scope.ServiceProvider.GetRequiredService<FormCatalog>();
                var outcome = await catalog.ProvisionFileAsync(schema, "forms/" + name, cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Published) LogPublished(logger, name, outcome.FormId, outcome.Reason);
                else LogNotPublished(logger, name, outcome.FormId, outcome.Reason);
            }
            catch (FormSchemaException ex)
            {
                LogSkipped(logger, name, string.Join("; ", ex.Problems.Select(p => $"{p.Path}: {p.Message}")));
            }
            catch (FormConflictException ex)
            {
                LogSkipped(logger, name, ex.Message);
            }
            catch (JsonException ex)
            {
                LogSkipped(logger, name, $"not valid JSON ({ex.Message})");
            }
        }
        return outcomes;
    }

    /// <summary><c>CareFlow:FormsDirectory</c>, else <c>forms/</c> in the content root, the repository root or the app folder.</summary>
    internal string? FindDirectory()
    {
        var configured = configuration["CareFlow:FormsDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? configured : null;
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "forms"),
            Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "forms")),
            Path.Combine(AppContext.BaseDirectory, "forms"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No forms directory found; no forms to provision.")]
    private static partial void LogNoDirectory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Form file {File} (form {FormId}): {Reason}.")]
    private static partial void LogPublished(ILogger logger, string file, string formId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Form file {File} (form {FormId}) not published: {Reason}.")]
    private static partial void LogNotPublished(ILogger logger, string file, string formId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Form file {File} skipped: {Reason}.")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);
}
