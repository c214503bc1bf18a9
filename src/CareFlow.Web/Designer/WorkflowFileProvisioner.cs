using System.Text.Json.Nodes;
using CareFlow.Workflows.Definitions;
using CareFlow.Workflows.Management;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Designer;

/// <summary>
/// At start-up, imports each <c>workflows/*.json</c> as a published definition when it is absent or older than
/// the file's <c>version</c>. A file that fails validation is logged and skipped; it never stops the app.
/// </summary>
public sealed class WorkflowFileProvisioner(
    IServiceScopeFactory scopes, IConfiguration configuration, IWebHostEnvironment environment, IOptions<DesignerOptions> designer,
    ILogger<WorkflowFileProvisioner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = FindDirectory();
        if (directory is null)
        {
            logger.LogInformation("No workflows directory found; nothing to provision.");
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var definitions = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionService>();
        var validation = new ValidationOptions { AllowScripts = designer.Value.AllowScripts };
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                if (JsonNode.Parse(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes) is not JsonObject document)
                {
                    logger.LogError("Workflow file {File} is not a JSON object; skipped.", file);
                    continue;
                }
                var imported = await definitions.ImportPublishedAsync(document, validation, cancellationToken);
                if (logger.IsEnabled(LogLevel.Information))
                    logger.LogInformation("Workflow file {File}: {Status}.", Path.GetFileName(file), imported is null ? "up to date" : "imported");
            }
            catch (DefinitionException ex)
            {
                var problems = string.Join("; ", ex.Errors.Select(p => $"{p.Path}: {p.Message}"));
                logger.LogError("Workflow file {File} is invalid and was skipped: {Problems}", Path.GetFileName(file), problems);
            }
            catch (System.Text.Json.JsonException ex)
            {
                logger.LogError(ex, "Workflow file {File} is not valid JSON; skipped.", file);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>CareFlow:WorkflowsDirectory</c>, else <c>workflows/</c> in the content root, the repository root or the app folder.</summary>
    internal string? FindDirectory()
    {
        var configured = configuration["CareFlow:WorkflowsDirectory"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? configured : null;
        string[] candidates =
        [
            Path.Combine(environment.ContentRootPath, "workflows"),
            Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "workflows")),
            Path.Combine(AppContext.BaseDirectory, "workflows"),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
