using System.Text.Json.Nodes;
using CareFlow.Core.Audit;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.ProviderLinks;

namespace CareFlow.Core.Care.Supervision;

/// <summary>
/// A supervisor decides that two client records are one person and merges one into the other. Every row that names
/// the merged client moves to the survivor (<see cref="MovedColumns"/>: cases, and with them everything keyed by
/// case, consents, disclosure-ledger rows, referrals, intake requests); nothing is deleted. The merged record stays,
/// marked <see cref="Client.MergedIntoId"/>, and is no longer listed, searched or matched. A do-not-contact flag on
/// either record holds for the survivor. Open duplicate reviews of the pair are closed, each moved case's timeline
/// and the audit log say who merged and why. The caller has checked that the actor may merge (supervisors, admins).
/// </summary>
public sealed class MergeClientsHandler(ICareData data, TimeProvider time)
{
    /// <summary>
    /// Every column that names a client, as <c>Entity.Property</c>: the merge repoints each from the merged record to
    /// the survivor. A test holds this list against the database model, so a new client-keyed column cannot be missed.
    /// </summary>
    public static IReadOnlyList<string> MovedColumns { get; } =
    [
        "Case.ClientId", "Consent.ClientId", "DisclosureRecord.ClientId", "Referral.ClientId",
        "IntakeRequest.ClientId", "IntakeRequest.PossibleDuplicateOfId", "IntakeRequest.CrossCaseloadMatchId",
    ];

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/> as <paramref name="by"/>, for <paramref name="reason"/>.</summary>
    /// <exception cref="CareValidationException">Unknown ids, the same id twice, or no reason (400).</exception>
    /// <exception cref="SupervisionConflictException">Either record was already merged (409).</exception>
    public async Task<ClientMerge> HandleAsync(Guid survivorId, Guid mergedId, string by, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new CareValidationException("by", "A merge needs the name of the supervisor who makes it.");
        if (survivorId == mergedId) throw new CareValidationException("mergedId", "A client record cannot be merged into itself.");
        var why = SupervisorReason.Require(reason, "the records are merged");
        var survivor = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == survivorId), cancellationToken)
            ?? throw new CareValidationException("survivorId", "Unknown client.");
        var merged = await data.FirstOrDefaultAsync(data.Query<Client>().Where(c => c.Id == mergedId), cancellationToken)
            ?? throw new CareValidationException("mergedId", "Unknown client.");
        if (merged.MergedIntoId is not null) throw new SupervisionConflictException("mergedId", "This client record was already merged into another.");
        if (survivor.MergedIntoId is not null)
            throw new SupervisionConflictException("survivorId", "The record to keep was itself merged into another; merge into that one.");

        var now = time.GetUtcNow();
        var reviews = await OpenReviewsOfPairAsync(survivorId, mergedId, cancellationToken);

        var cases = await data.ToListAsync(data.Query<Case>().Where(c => c.ClientId == mergedId), cancellationToken);
        foreach (var @case in cases)
        {
            @case.ClientId = survivorId;
            CaseJournal.Record(data, @case.Id, now, "clients-merged", $"Client records merged by {by}: this case now belongs to the record kept. {why}");
        }

        var consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == mergedId), cancellationToken);
        foreach (var consent in consents) consent.ClientId = survivorId;
        var disclosures = await data.ToListAsync(data.Query<DisclosureRecord>().Where(d => d.ClientId == mergedId), cancellationToken);
        foreach (var disclosure in disclosures) disclosure.ClientId = survivorId;
        var referrals = await data.ToListAsync(data.Query<Referral>().Where(r => r.ClientId == mergedId), cancellationToken);
        foreach (var referral in referrals) referral.ClientId = survivorId;
        var intakes = await data.ToListAsync(data.Query<IntakeRequest>().Where(r => r.ClientId == mergedId
            || r.PossibleDuplicateOfId == mergedId || r.CrossCaseloadMatchId == mergedId), cancellationToken);
        foreach (var intake in intakes)
        {
            if (intake.ClientId == mergedId) intake.ClientId = survivorId;
            if (intake.PossibleDuplicateOfId == mergedId) intake.PossibleDuplicateOfId = survivorId;
            if (intake.CrossCaseloadMatchId == mergedId) intake.CrossCaseloadMatchId = survivorId;
        }

        survivor.DoNotContact |= merged.DoNotContact;
        merged.MergedIntoId = survivorId;
        merged.MergedAt = now;
        foreach (var review in reviews)
        {
            review.Status = CoordinatorTaskStatus.Completed;
            review.CompletedAt = now;
            review.CompletedBy = by;
            review.ResultJson = new JsonObject { ["decision"] = "merged", ["survivorId"] = survivorId.ToString(), ["mergedId"] = mergedId.ToString() }.ToJsonString();
        }

        var result = new ClientMerge(survivorId, mergedId, cases.Count, consents.Count, disclosures.Count, referrals.Count, intakes.Count, reviews.Count);
        SupervisorAudit.Record(data, now, by, AuditActions.ClientsMerged, "client", survivorId, "MergeClients",
            $"survivor={survivorId}; merged={mergedId}; cases={result.Cases}; consents={result.Consents}; disclosures={result.Disclosures}; "
            + $"referrals={result.Referrals}; intake requests={result.IntakeRequests}; reviews closed={result.ReviewsClosed}; reason={why}");
        await data.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The open duplicate reviews about these two records (either way round).</summary>
    private async Task<List<CoordinatorTask>> OpenReviewsOfPairAsync(Guid a, Guid b, CancellationToken cancellationToken)
    {
        var caseIds = data.Query<IntakeRequest>()
            .Where(r => r.CaseId != null && ((r.ClientId == a && r.CrossCaseloadMatchId == b) || (r.ClientId == b && r.CrossCaseloadMatchId == a)))
            .Select(r => r.CaseId!.Value);
        return await data.ToListAsync(DuplicateReviews.Open(data).Where(t => caseIds.Contains(t.CaseId)), cancellationToken);
    }
}
