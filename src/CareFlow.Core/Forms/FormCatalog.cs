using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlow.Core.Care;

namespace CareFlow.Core.Forms;

/// <summary>
/// The forms store's use cases: list and read forms, save a draft (refused when stale or invalid), publish, and
/// provision the repository's <c>forms/*.json</c> at start-up without overwriting newer published versions.
/// </summary>
public sealed class FormCatalog(ICareData data, TimeProvider time)
{
    /// <summary>
    /// How <see cref="FormVersion.UpdatedBy"/> marks a version written by provisioning from a repository file (the file
    /// follows): user names cannot contain ':', so a person's save is never mistaken for one.
    /// </summary>
    public const string RepositoryAuthorPrefix = "repository:";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly ICareData _data = data;
    private readonly TimeProvider _time = time;

    /// <summary>Every form with its name, latest version and published version (if any).</summary>
    public async Task<IReadOnlyList<FormSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _data.ToListAsync(_data.Query<FormVersion>().Where(v => v.IsLatest || v.IsPublished)
            .Select(v => new { v.FormId, v.Version, v.Name, v.IsLatest, v.IsPublished }), cancellationToken);
        return rows.GroupBy(r => r.FormId, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.Where(r => r.IsLatest).MaxBy(r => r.Version) ?? g.MaxBy(r => r.Version)!;
                var published = g.Where(r => r.IsPublished).MaxBy(r => r.Version);
                return new FormSummary(g.Key, (published ?? latest).Name, latest.Version, published?.Version);
            })
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A version of a form: the given one, else the published one (<paramref name="latest"/>: else the latest draft).</summary>
    public Task<FormVersion?> GetAsync(string formId, int? version = null, bool latest = false, CancellationToken cancellationToken = default)
    {
        var query = _data.Query<FormVersion>().Where(v => v.FormId == formId);
        query = version is { } number ? query.Where(v => v.Version == number)
            : latest ? query.Where(v => v.IsLatest)
            : query.Where(v => v.IsPublished);
        return _data.FirstOrDefaultAsync(query, cancellationToken);
    }

    /// <summary>The checked schema of a version (<see cref="GetAsync"/>) or null when there is none.</summary>
    public async Task<FormSchema?> GetSchemaAsync(string formId, int? version = null, CancellationToken cancellationToken = default)
    {
        var stored = await GetAsync(formId, version, cancellationToken: cancellationToken);
        return stored is null ? null : SchemaOf(stored);
    }

    /// <summary>The checked schema of a stored version (every stored schema passed <see cref="FormSchemaReader"/> when saved).</summary>
    public static FormSchema? SchemaOf(FormVersion stored) => FormSchemaReader.Read(JsonNode.Parse(stored.SchemaJson)).Schema;

    /// <summary>
    /// Saves <paramref name="schema"/> as the form's draft. <paramref name="expectedStamp"/> is the stamp of the version
    /// the editor opened (null for a new form): a different latest stamp is a stale save.
    /// </summary>
    /// <exception cref="FormConflictException">Stale save, or a new form whose id exists.</exception>
    /// <exception cref="FormSchemaException">The schema breaks a rule; nothing is saved.</exception>
    public async Task<FormVersion> SaveDraftAsync(string formId, JsonNode? schema, Guid? expectedStamp, string by, CancellationToken cancellationToken = default)
    {
        var checkedSchema = Check(formId, schema);
        var latest = await GetAsync(formId, latest: true, cancellationToken: cancellationToken);
        if (latest is null)
        {
            if (expectedStamp is not null)
                throw new FormConflictException($"The form '{formId}' does not exist; save it as a new form.");
        }
        else if (expectedStamp is null)
            throw new FormConflictException($"A form with the id '{formId}' already exists; open it to change it, or choose another id.");
        else if (expectedStamp != latest.ConcurrencyStamp)
            throw new FormConflictException($"The form '{formId}' was changed by someone else since you opened it (now version {latest.Version}); reload it and try again.");

        var now = _time.GetUtcNow();
        var json = checkedSchema.Raw.ToJsonString(Compact);
        var name = checkedSchema.Name ?? formId;
        FormVersion saved;
        if (latest is null || latest.IsPublished)
        {
            if (latest is not null)
            {
                latest.IsLatest = false;
                latest.ConcurrencyStamp = Guid.NewGuid();
            }
            saved = new FormVersion
            {
                FormId = formId, Version = (latest?.Version ?? 0) + 1, Name = name, SchemaJson = json, IsPublished = false, IsLatest = true,
                CreatedAt = now, UpdatedAt = now, UpdatedBy = by, ConcurrencyStamp = Guid.NewGuid(),
            };
            _data.Add(saved);
        }
        else
        {
            saved = latest;
            saved.Name = name;
            saved.SchemaJson = json;
            saved.UpdatedAt = now;
            saved.UpdatedBy = by;
            saved.ConcurrencyStamp = Guid.NewGuid();
        }
        await SaveAsync(formId, cancellationToken);
        return saved;
    }

    /// <summary>Publishes the latest version (or <paramref name="version"/>); the previous published version is unpublished.</summary>
    /// <exception cref="FormNotFoundException">No such form or version.</exception>
    /// <exception cref="FormConflictException">Someone else changed the form at the same time.</exception>
    public async Task<FormVersion> PublishAsync(string formId, int? version, string by, CancellationToken cancellationToken = default)
    {
        var target = await GetAsync(formId, version, latest: version is null, cancellationToken)
            ?? throw new FormNotFoundException(version is null ? $"There is no form '{formId}'." : $"The form '{formId}' has no version {version}.");
        if (target.IsPublished) return target;

        var previous = await GetAsync(formId, cancellationToken: cancellationToken);
        if (previous is not null)
        {
            previous.IsPublished = false;
            previous.ConcurrencyStamp = Guid.NewGuid();
        }
        target.IsPublished = true;
        target.UpdatedAt = _time.GetUtcNow();
        target.UpdatedBy = by;
        target.ConcurrencyStamp = Guid.NewGuid();
        await SaveAsync(formId, cancellationToken);
        return target;
    }

    /// <summary>Provisions a repository form file as a published version unless that content, or a newer published version, is already there.</summary>
    public async Task<bool> ProvisionAsync(JsonNode schema, string source, CancellationToken cancellationToken = default) =>
        (await ProvisionFileAsync(schema, source, cancellationToken)).Published;

    /// <summary>
    /// <see cref="ProvisionAsync"/> with the reason: published as a new version; already published with the same
    /// content; or skipped because a person saved the latest version (a designer's edit wins over the file).
    /// </summary>
    /// <exception cref="FormSchemaException">The file's schema breaks a rule.</exception>
    public async Task<FormProvisioning> ProvisionFileAsync(JsonNode schema, string source, CancellationToken cancellationToken = default)
    {
        var read = FormSchemaReader.Read(schema);
        if (!read.IsValid) throw new FormSchemaException(read.Problems);
        var form = read.Schema!;
        var versions = await _data.ToListAsync(_data.Query<FormVersion>().Where(v => v.FormId == form.Id), cancellationToken);
        var published = versions.FirstOrDefault(v => v.IsPublished);
        var latest = versions.FirstOrDefault(v => v.IsLatest) ?? versions.MaxBy(v => v.Version);

        if (published is not null && JsonNode.DeepEquals(JsonNode.Parse(published.SchemaJson), form.Raw))
            return new FormProvisioning(form.Id, false, published.Version, $"version {published.Version} is already published with this content");
        if (latest is not null && !IsFromRepository(latest))
            return new FormProvisioning(form.Id, false, latest.Version,
                $"version {latest.Version} ({(latest.IsPublished ? "published" : "a draft")}) was saved in the designer, which wins over the file");

        var now = _time.GetUtcNow();
        if (published is not null)
        {
            published.IsPublished = false;
            published.ConcurrencyStamp = Guid.NewGuid();
        }
        if (latest is not null)
        {
            latest.IsLatest = false;
            latest.ConcurrencyStamp = Guid.NewGuid();
        }
        var version = new FormVersion
        {
            FormId = form.Id, Version = (versions.Count == 0 ? 0 : versions.Max(v => v.Version)) + 1, Name = form.Name ?? form.Id,
            SchemaJson = form.Raw.ToJsonString(Compact), IsPublished = true, IsLatest = true, CreatedAt = now, UpdatedAt = now,
            UpdatedBy = RepositoryAuthorPrefix + source, ConcurrencyStamp = Guid.NewGuid(),
        };
        _data.Add(version);
        await SaveAsync(form.Id, cancellationToken);
        return new FormProvisioning(form.Id, true, version.Version, $"published as version {version.Version}");
    }

    /// <summary>True when provisioning wrote the version from a repository file (no person has saved it since).</summary>
    public static bool IsFromRepository(FormVersion version) =>
        version.UpdatedBy?.StartsWith(RepositoryAuthorPrefix, StringComparison.Ordinal) == true;

    private static FormSchema Check(string formId, JsonNode? schema)
    {
        if (!FormSchemaReader.IsValidFormId(formId))
            throw new FormSchemaException([new FormProblem("$.id", "A form id uses lower-case letters, digits and hyphens, starts with a letter or digit, and has at most 64 characters.")]);
        var read = FormSchemaReader.Read(schema);
        if (!read.IsValid) throw new FormSchemaException(read.Problems);
        if (read.Schema!.Id != formId)
            throw new FormSchemaException([new FormProblem("$.id", $"The schema's id '{read.Schema.Id}' must be the form's id '{formId}'.")]);
        return read.Schema;
    }

    /// <summary>Commits; a lost race (a guarded row changed, or another save took the same version number) is a conflict.</summary>
    private async Task SaveAsync(string formId, CancellationToken cancellationToken)
    {
        try
        {
            await _data.SaveChangesAsync(cancellationToken);
        }
        catch (CareConcurrencyException ex)
        {
            _data.DiscardChanges();
            throw new FormConflictException($"The form '{formId}' was changed by someone else at the same time; reload it and try again.", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsDuplicateVersion(ex))
        {
            _data.DiscardChanges();
            throw new FormConflictException($"The form '{formId}' was changed by someone else at the same time; reload it and try again.", ex);
        }
    }

    /// <summary>A unique-key violation from either provider (the version number another save took first), seen without naming the provider's types.</summary>
    private static bool IsDuplicateVersion(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var message = e.Message;
            if (message.Contains("UNIQUE constraint failed", StringComparison.OrdinalIgnoreCase)
                || message.Contains("duplicate key value", StringComparison.OrdinalIgnoreCase)
                || (e.GetType().Name == "PostgresException" && e.GetType().GetProperty("SqlState")?.GetValue(e) as string == "23505"))
                return true;
        }
        return false;
    }
}

/// <summary>A row of <c>GET /api/forms</c>.</summary>
public sealed record FormSummary(string Id, string Name, int LatestVersion, int? PublishedVersion);

/// <summary>What provisioning a repository form file did: published it (as <see cref="Version"/>) or not, and why.</summary>
public sealed record FormProvisioning(string FormId, bool Published, int? Version, string Reason);

/// <summary>A schema refused with its problems (400 problem+json with each JSON path).</summary>
public sealed class FormSchemaException(IReadOnlyList<FormProblem> problems)
    : Exception(problems.Count == 0 ? "Invalid form." : $"{problems[0].Path}: {problems[0].Message}")
{
    public IReadOnlyList<FormProblem> Problems { get; } = problems;
}

/// <summary>A stale save or an id clash (409).</summary>
public sealed class FormConflictException : Exception
{
    public FormConflictException(string message) : base(message)
    {
    }

    public FormConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

/// <summary>A form or form version that does not exist (404).</summary>
public sealed class FormNotFoundException(string message) : Exception(message);
