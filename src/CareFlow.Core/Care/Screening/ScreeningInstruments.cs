namespace CareFlow.Core.Care.Screening;

/// <summary>The instruments an organisation screens with; add PRAPARE or supplemental domains here as data.</summary>
public static class ScreeningInstruments
{
    public static IReadOnlyList<ScreeningInstrument> All { get; } = [AhcHrsnCore.Instrument];

    public static ScreeningInstrument? Find(string? id) => All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
}
