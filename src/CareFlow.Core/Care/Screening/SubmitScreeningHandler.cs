using System.Text.Json;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Screening;

/// <summary>
/// Use case: score submitted answers, store the screening and its needs, and let a waiting ScreenClient continue. The
/// screening and the signal commit together; the signal is delivered after the commit (and after a crash).
/// </summary>
public sealed class SubmitScreeningHandler(ICareData data, ICareSignals signals, TimeProvider time)
{
    public async Task<(ClientScreening Screening, IReadOnlyList<Need> Needs)> HandleAsync(
        Guid caseId, string? instrumentId, IReadOnlyDictionary<string, string[]>? answers, string by, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordAsync(caseId, instrumentId, answers, by, cancellationToken);
        await CompleteTaskHandler.RaiseForOpenOfKindAsync(data, signals, caseId, CoordinatorTaskKind.Screen, by, cancellationToken);
        await data.SaveChangesAsync(cancellationToken);
        await signals.DeliverAsync(cancellationToken);
        return recorded;
    }

    /// <summary>
    /// Scores the answers and adds the screening, its new needs and the journal line to the unit of work, without
    /// saving or signalling: the one recording both this use case and a screening task's form (<see cref="TaskFormEffects"/>) use.
    /// </summary>
    internal async Task<(ClientScreening Screening, IReadOnlyList<Need> Needs)> RecordAsync(
        Guid caseId, string? instrumentId, IReadOnlyDictionary<string, string[]>? answers, string by, CancellationToken cancellationToken)
    {
        var instrument = ScreeningInstruments.Find(instrumentId ?? AhcHrsnCore.Id) ?? throw new CareValidationException("instrumentId", $"Unknown screening instrument '{instrumentId}'.");
        if (answers is null) throw new CareValidationException("answers", "Answers are required.");
        var result = ScreeningScorer.Score(instrument, answers);
        if (!result.IsValid) throw new CareValidationException(result.Errors[0].Field, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var @case = await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken) ?? throw new CareValidationException("caseId", "Unknown case.");
        var now = time.GetUtcNow();
        var screening = new ClientScreening
        {
            Id = Guid.CreateVersion7(now), CaseId = @case.Id, InstrumentId = instrument.Id, AnswersJson = JsonSerializer.Serialize(answers),
            PositiveDomains = string.Join(',', result.PositiveDomains.Select(d => d.Domain)), RequiresStabilization = result.RequiresStabilization,
            ScreenedAt = now, ScreenedBy = by,
        };
        data.Add(screening);
        var existing = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == @case.Id && n.Status != NeedStatus.Met), cancellationToken);
        var needs = new List<Need>();
        foreach (var domain in result.PositiveDomains.Where(d => existing.All(n => n.Domain != d.Domain)))
        {
            var need = new Need { Id = Guid.CreateVersion7(now), CaseId = @case.Id, ScreeningId = screening.Id, Domain = domain.Domain, Label = domain.Label, Status = NeedStatus.Open, IdentifiedAt = now };
            data.Add(need);
            needs.Add(need);
        }

        CaseJournal.Record(data, @case.Id, now, "screened", $"{instrument.Name}: {(needs.Count == 0 ? "no new needs" : string.Join(", ", needs.Select(n => n.Label)))}.");
        return (screening, needs);
    }
}
