namespace CareFlow.IntegrationTests.Fuzz;

/// <summary>
/// Ids of rows the fuzz seeded, by kind (case, client, referral, ...), so generated requests reach past 404 part of
/// the time. A parameter or property name picks its kind: <c>caseId</c> → case, <c>recipientOrganizationId</c> →
/// organization, <c>/api/referrals/{id}</c> → referral.
/// </summary>
internal sealed class SeededIds
{
    private readonly Dictionary<string, List<string>> _ids = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys for free-form dictionaries (the screening's question ids).</summary>
    public List<string> DictionaryKeys { get; } = [];

    public void Add(string kind, string id)
    {
        if (!_ids.TryGetValue(kind, out var list)) _ids[kind] = list = [];
        if (!list.Contains(id)) list.Add(id);
    }

    /// <summary>The ids of the kind a name points to; empty when it points to none.</summary>
    public string[] For(string name)
    {
        var key = Normalise(name);
        if (key.Length == 0) return [];
        var match = _ids.Keys.Where(k => key == k || key.EndsWith(k, StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault();
        return match is null ? [] : [.. _ids[match]];
    }

    /// <summary>The kind of a path segment or name: lower case, without dashes, a plural s or an <c>Id</c> suffix.</summary>
    public static string Normalise(string name)
    {
        var key = name.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        if (key.EndsWith("id", StringComparison.Ordinal) && key.Length > 2) key = key[..^2];
        if (key.EndsWith('s') && key.Length > 1) key = key[..^1];
        return key;
    }
}
