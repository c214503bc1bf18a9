namespace CareFlow.Core.Care.Advocacy;

/// <summary>
/// Adds a line to a case's advocacy log under the name of the person who did it. Only people write this log: there is
/// no workflow activity for it, and an entry without a named author is refused.
/// </summary>
public sealed class RecordAdvocacyHandler(ICareData data, TimeProvider time)
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>The longest "with whom" accepted.</summary>
    public const int MaxWithWhomLength = 200;

    /// <summary>Records what <paramref name="author"/> did for the client of case <paramref name="caseId"/>, and with whom; the caller has checked the caseload.</summary>
    public async Task<AdvocacyEntry> HandleAsync(Guid caseId, AdvocacyKind? kind, string? note, string? withWhom, string author, CancellationToken cancellationToken = default)
    {
        var entry = Record(caseId, kind, note, withWhom, author);
        await data.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>Checks the entry and adds it to the unit of work without saving: the one recording both this use case and an advocacy task's form use.</summary>
    internal AdvocacyEntry Record(Guid caseId, AdvocacyKind? kind, string? note, string? withWhom, string author)
    {
        if (string.IsNullOrWhiteSpace(author)) throw new CareValidationException("author", "An advocacy entry needs the name of the person who did it.");
        if (kind is not { } k || !Enum.IsDefined(k)) throw new CareValidationException("kind", $"Kind is required: {string.Join(", ", Enum.GetNames<AdvocacyKind>())}.");
        if (string.IsNullOrWhiteSpace(note)) throw new CareValidationException("note", "Say what was done.");
        if (note.Trim().Length > MaxNoteLength) throw new CareValidationException("note", $"Keep the note under {MaxNoteLength} characters.");
        var with = string.IsNullOrWhiteSpace(withWhom) ? null : withWhom.Trim();
        if (with?.Length > MaxWithWhomLength) throw new CareValidationException("withWhom", $"Keep \"with whom\" under {MaxWithWhomLength} characters.");
        var now = time.GetUtcNow();
        var entry = new AdvocacyEntry { Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = k, Note = note.Trim(), WithWhom = with, At = now, By = author };
        data.Add(entry);
        return entry;
    }
}
