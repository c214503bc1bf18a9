namespace CareFlow.Core.Care.Cases;

/// <summary>Adds timeline lines to a case.</summary>
public static class CaseJournal
{
    public static CaseEvent Record(ICareData data, Guid caseId, DateTimeOffset at, string kind, string text)
    {
        var entry = new CaseEvent { Id = Guid.CreateVersion7(at), CaseId = caseId, At = at, Kind = kind, Text = text };
        data.Add(entry);
        return entry;
    }
}
