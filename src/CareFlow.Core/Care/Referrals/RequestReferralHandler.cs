using System.Text.Json.Nodes;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Tasks;

namespace CareFlow.Core.Care.Referrals;

/// <summary>
/// Use case: the coordinator and client choose a directory service. The referral workflow creates the referral
/// (after its consent check), so this answers the workflow's waiting "choose a service" task, first completing an
/// "obtain consent" task when the workflow is waiting there, and reports what the workflow did.
/// </summary>
public sealed class RequestReferralHandler(ICareData data, CompleteTaskHandler completeTask, TimeProvider time)
{
    public async Task<RequestReferralOutcome> HandleAsync(Guid caseId, string serviceId, Guid? needId, string by, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var choose = await OpenTaskAsync(caseId, CoordinatorTaskKind.ChooseService, cancellationToken);
        if (choose is null && await OpenTaskAsync(caseId, CoordinatorTaskKind.ObtainConsent, cancellationToken) is { } obtain)
        {
            await completeTask.HandleAsync(obtain.Id, null, by, cancellationToken);
            choose = await OpenTaskAsync(caseId, CoordinatorTaskKind.ChooseService, cancellationToken);
        }

        if (choose is null)
        {
            var stage = await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId).Select(c => (CaseStage?)c.Stage), cancellationToken);
            throw new CareValidationException("serviceId",
                $"No referral step is waiting for this case (stage: {stage}). The referral workflow asks for a service once the client is ready for referral.");
        }

        var result = new JsonObject { ["serviceId"] = serviceId };
        if (needId is { } need) result["needId"] = need.ToString();
        await completeTask.HandleAsync(choose.Id, result, by, cancellationToken);
        var referral = await data.FirstOrDefaultAsync(data.Query<Referral>().Where(r => r.CaseId == caseId && r.ServiceId == serviceId && r.RequestedAt >= started)
            .OrderByDescending(r => r.RequestedAt), cancellationToken);
        var @case = await data.FirstOrDefaultAsync(data.Query<Case>().Where(c => c.Id == caseId), cancellationToken);
        return new RequestReferralOutcome(referral, referral is null ? @case?.BlockedReason ?? "The workflow did not create a referral." : null);
    }

    private Task<CoordinatorTask?> OpenTaskAsync(Guid caseId, CoordinatorTaskKind kind, CancellationToken cancellationToken) =>
        data.FirstOrDefaultAsync(data.Query<CoordinatorTask>().Where(t => t.CaseId == caseId && t.Kind == kind
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)).OrderByDescending(t => t.CreatedAt), cancellationToken);
}
