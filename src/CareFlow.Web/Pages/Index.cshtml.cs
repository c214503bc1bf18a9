using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Tasks;
using CareFlow.Infrastructure.Workflows;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages;

/// <summary>
/// The dashboard: the caseload by stage, open tasks by due time, referrals awaiting a provider's answer and
/// workflow instances with incidents. Anonymous visitors go to sign-in.
/// </summary>
[AllowAnonymous]
[ClientData]
public sealed class IndexModel(ICareData data, TimeProvider time) : PageModel
{
    public DateTimeOffset Now { get; private set; }

    public bool SeesAll { get; private set; }

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<ReferralRow> Referrals { get; private set; } = [];

    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect($"{SignInEndpoints.SignInPath}?returnUrl=%2F");
        Now = time.GetUtcNow();
        var caseload = Caseload.Of(User);
        SeesAll = caseload.SeesAll;
        var cases = await data.ToListAsync(caseload.Cases(data).Where(c => c.Status != CaseStatus.Closed).OrderBy(c => c.OpenedAt).Take(1000), cancellationToken);
        var clientIds = cases.Select(c => c.ClientId).Distinct().ToList();
        var names = (await data.ToListAsync(data.Query<Client>().Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.GivenName, c.FamilyName }), cancellationToken))
            .ToDictionary(c => c.Id, c => $"{c.GivenName} {c.FamilyName}");
        Cases = [.. cases.Select(c => new CaseRow(c, names.GetValueOrDefault(c.ClientId, "(unknown client)")))];
        var byId = Cases.ToDictionary(c => c.Case.Id);
        var caseIds = byId.Keys.ToList();

        var tasks = await data.ToListAsync(SupervisorTasks.VisibleTo(data.Query<CoordinatorTask>(), SeesAll).Where(t => caseIds.Contains(t.CaseId)
            && (t.Status == CoordinatorTaskStatus.Open || t.Status == CoordinatorTaskStatus.Overdue)).OrderBy(t => t.DueAt).Take(200), cancellationToken);
        Tasks = [.. tasks.Select(t => new TaskRow(t, byId[t.CaseId]))];

        var referrals = await data.ToListAsync(data.Query<Referral>().Where(r => caseIds.Contains(r.CaseId) && r.Status == ReferralTaskStatus.Requested)
            .OrderBy(r => r.RequestedAt).Take(200), cancellationToken);
        var serviceIds = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var services = (await data.ToListAsync(data.Query<Core.Care.Directory.Service>().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Name }), cancellationToken))
            .ToDictionary(s => s.Id, s => s.Name);
        Referrals = [.. referrals.Select(r => new ReferralRow(r, services.GetValueOrDefault(r.ServiceId, r.ServiceId), byId[r.CaseId]))];

        // Incidents are rare: load the faulted instances and keep the ones correlated with a visible case.
        var faulted = await data.ToListAsync(data.Query<WorkflowInstanceRecord>().Where(i => i.IncidentCount > 0 || i.SubStatus == "Faulted")
            .OrderByDescending(i => i.UpdatedAt).Take(500), cancellationToken);
        Incidents = [.. faulted.Where(i => Guid.TryParse(i.CorrelationId, out var id) && byId.ContainsKey(id))
            .Select(i => new IncidentRow(i, byId[Guid.Parse(i.CorrelationId!)]))];
        return Page();
    }

    public sealed record CaseRow(Case Case, string ClientName);

    public sealed record TaskRow(CoordinatorTask Task, CaseRow Case);

    public sealed record ReferralRow(Referral Referral, string ServiceName, CaseRow Case);

    public sealed record IncidentRow(WorkflowInstanceRecord Instance, CaseRow Case);
}
