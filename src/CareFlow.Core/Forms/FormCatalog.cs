using System.Text.Json.Nodes;
using CareFlow.Core.Care;

namespace CareFlow.Core.Forms;

/// <summary>
/// The forms store's use cases: list and read forms, save a draft (refused when stale or invalid), publish, and
/// provision the repository's <c>forms/*.json</c> at start-up without overwriting newer published versions.
/// </summary>
public sealed class FormCatalog(ICareData data, TimeProvider time)
{
    private readonly ICareData data = data;
    private readonly TimeProvider time = time;

    /// <summary>Every form with its name, latest version and published version (if any).</summary>
    public Task<IReadOnlyList<FormSummary>> ListAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>A version of a form: the given one, else the published one (<paramref name="latest"/>: else the latest draft).</summary>
    public Task<FormVersion?> GetAsync(string formId, int? version = null, bool latest = false, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The checked schema of a version (<see cref="GetAsync"/>) or null when there is none.</summary>
    public Task<FormSchema?> GetSchemaAsync(string formId, int? version = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Saves <paramref name="schema"/> as the form's draft. <paramref name="expectedStamp"/> is the stamp of the version
    /// the editor opened (null for a new form): a different latest stamp is a stale save.
    /// </summary>
    /// <exception cref="FormConflictException">Stale save, or a new form whose id exists.</exception>
    /// <exception cref="FormSchemaException">The schema breaks a rule; nothing is saved.</exception>
    public Task<FormVersion> SaveDraftAsync(string formId, JsonNode? schema, Guid? expectedStamp, string by, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Publishes the latest version (or <paramref name="version"/>); the previous published version is unpublished.</summary>
    public Task<FormVersion> PublishAsync(string formId, int? version, string by, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Provisions a repository form file as a published version unless that content, or a newer published version, is already there.</summary>
    public Task<bool> ProvisionAsync(JsonNode schema, string source, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}

/// <summary>A row of <c>GET /api/forms</c>.</summary>
public sealed record FormSummary(string Id, string Name, int LatestVersion, int? PublishedVersion);

/// <summary>A schema refused with its problems (400 problem+json with each JSON path).</summary>
public sealed class FormSchemaException(IReadOnlyList<FormProblem> problems)
    : Exception(problems.Count == 0 ? "Invalid form." : $"{problems[0].Path}: {problems[0].Message}")
{
    public IReadOnlyList<FormProblem> Problems { get; } = problems;
}

/// <summary>A stale save or an id clash (409).</summary>
public sealed class FormConflictException(string message) : Exception(message);
