using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.Care.Screening;
using CareFlow.Web.Security;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Management;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareFlow.Web.Pages.Cases;

/// <summary>
/// The case page: who, where the case stands (stage, status, blocked reason), where the client is in the workflows,
/// needs, open tasks, barriers and one timeline; the coordinator adds advocacy notes, records barriers and resolves
/// them here, under their own name.
/// </summary>
[ClientData]
public sealed class DetailModel(ICareData data, RecordAdvocacyHandler recordAdvocacy, RecordBarrierHandler recordBarrier, ResolveBarrierHandler resolveBarrier,
    WorkflowDefinitionService definitions, ActivityCatalogue catalogue, IOptions<BarrierOptions> barrierOptions, TimeProvider time) : PageModel
{
    // Bound per handler (not [BindProperty]) so that each form is validated alone.
    public AdvocacyInput Advocacy { get; set; } = new();

    public BarrierInput Barrier { get; set; } = new();

    public ResolveInput Resolve { get; set; } = new();

    /// <summary>The workflows of the case that still run, where each stands and what it waits for.</summary>
    public IReadOnlyList<WorkflowWhereabouts> Whereabouts { get; private set; } = [];

    /// <summary>The case's barriers, open ones first.</summary>
    public IReadOnlyList<AccessBarrier> Barriers { get; private set; } = [];

    /// <summary>The currency cost amounts are recorded in.</summary>
    public string Currency => barrierOptions.Value.Currency;

    public CaseHeaderView Header { get; private set; } = null!;

    public IReadOnlyList<Need> Needs { get; private set; } = [];


    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The directory's services a barrier can name.</summary>
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAdvocacyAsync(Guid caseId, [Bind(Prefix = nameof(Advocacy))] AdvocacyInput advocacy, CancellationToken cancellationToken)
    {
        Advocacy = advocacy;
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await recordAdvocacy.HandleAsync(caseId, Advocacy.Kind, Advocacy.Note, Advocacy.WithWhom, User.Identity?.Name ?? "", cancellationToken);
        }
        catch (CareValidationException ex)
        {
            var field = ex.Field switch { "kind" => nameof(AdvocacyInput.Kind), "withWhom" => nameof(AdvocacyInput.WithWhom), _ => nameof(AdvocacyInput.Note) };
            ModelState.AddModelError($"{nameof(Advocacy)}.{field}", ex.Message);
            return Page();
        }

        return RedirectToPage(new { caseId });
    }

    public async Task<IActionResult> OnPostBarrierAsync(Guid caseId, [Bind(Prefix = nameof(Barrier))] BarrierInput barrier, CancellationToken cancellationToken)
    {
        Barrier = barrier;
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var serviceId = string.IsNullOrWhiteSpace(Barrier.ServiceId) ? null : Barrier.ServiceId;
        try
        {
            await recordBarrier.HandleAsync(caseId, new NewBarrier(Barrier.Category, Barrier.Description, ServiceId: serviceId, CostAmount: Barrier.CostAmount,
                Status: Barrier.Status, Resolution: Barrier.Resolution), User.Identity?.Name ?? "", cancellationToken);
        }
        catch (CareValidationException ex)
        {
            var field = ex.Field switch
            {
                "category" => nameof(BarrierInput.Category),
                "serviceId" => nameof(BarrierInput.ServiceId),
                "costAmount" => nameof(BarrierInput.CostAmount),
                "status" => nameof(BarrierInput.Status),
                "resolution" => nameof(BarrierInput.Resolution),
                _ => nameof(BarrierInput.Description),
            };
            ModelState.AddModelError($"{nameof(Barrier)}.{field}", ex.Message);
            return Page();
        }

        return RedirectToPage(new { caseId });
    }

    public async Task<IActionResult> OnPostResolveBarrierAsync(Guid caseId, [Bind(Prefix = nameof(Resolve))] ResolveInput resolve, CancellationToken cancellationToken)
    {
        Resolve = resolve;
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (Resolve.BarrierId is not { } barrierId || Barriers.All(b => b.Id != barrierId)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            if (await resolveBarrier.HandleAsync(caseId, barrierId, Resolve.Resolution, User.Identity?.Name ?? "", cancellationToken) is null) return NotFound();
        }
        catch (CareValidationException ex)
        {
            ModelState.AddModelError($"{nameof(Resolve)}.{nameof(ResolveInput.Resolution)}", ex.Message);
            return Page();
        }
        catch (BarrierAlreadyResolvedException ex)
        {
            ModelState.AddModelError($"{nameof(Resolve)}.{nameof(ResolveInput.Resolution)}", ex.Message);
            return Page();
        }

        return RedirectToPage(new { caseId });
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await CaseAccess.LoadAsync(data, User, caseId, cancellationToken) is not { } access) return false;
        Now = time.GetUtcNow();
        Header = new CaseHeaderView(access.Case, access.Client, null);
        Needs = await data.ToListAsync(data.Query<Need>().Where(n => n.CaseId == caseId).OrderBy(n => n.IdentifiedAt), cancellationToken);
        Timeline = await CaseTimeline.LoadAsync(data, caseId, cancellationToken);
        Services = await data.ToListAsync(data.Query<Service>().OrderBy(s => s.Name).Take(500), cancellationToken);
        Barriers = [.. (await data.ToListAsync(data.Query<AccessBarrier>().Where(b => b.CaseId == caseId), cancellationToken))
            .OrderBy(b => b.Status).ThenByDescending(b => b.RecordedAt)];
        Whereabouts = await CaseWhereabouts.LoadAsync(data, definitions, catalogue, User, caseId, cancellationToken);
        return true;
    }

    /// <summary>The advocacy form: what kind of advocacy, what was done and with whom.</summary>
    public sealed class AdvocacyInput
    {
        [Required(ErrorMessage = "Choose the kind of advocacy.")]
        [Display(Name = "Kind")]
        public AdvocacyKind? Kind { get; set; }

        [Required(ErrorMessage = "Say what was done.")]
        [StringLength(RecordAdvocacyHandler.MaxNoteLength)]
        [Display(Name = "What was done")]
        public string? Note { get; set; }

        [StringLength(RecordAdvocacyHandler.MaxWithWhomLength)]
        [Display(Name = "With whom (optional)")]
        public string? WithWhom { get; set; }
    }

    /// <summary>The barrier form: its category, the directory service involved (optional), the cost (cost barriers only), what happened, and whether it is resolved.</summary>
    public sealed class BarrierInput
    {
        [Required(ErrorMessage = "Choose the kind of barrier.")]
        [Display(Name = "Barrier")]
        public BarrierCategory? Category { get; set; }

        [StringLength(200)]
        [Display(Name = "Service (optional)")]
        public string? ServiceId { get; set; }

        [Display(Name = "Cost to the client (only when cost is the barrier)")]
        public decimal? CostAmount { get; set; }

        [Required(ErrorMessage = "Describe the barrier and what was done (no client identity).")]
        [StringLength(RecordBarrierHandler.MaxDescriptionLength)]
        [Display(Name = "What happened and what was done")]
        public string? Description { get; set; }

        [Display(Name = "Status")]
        public BarrierStatus? Status { get; set; }

        [StringLength(ResolveBarrierHandler.MaxResolutionLength)]
        [Display(Name = "What resolved it (when resolved)")]
        public string? Resolution { get; set; }
    }

    /// <summary>The resolve form of one open barrier: what resolved it.</summary>
    public sealed class ResolveInput
    {
        public Guid? BarrierId { get; set; }

        [Required(ErrorMessage = "Say what resolved the barrier.")]
        [StringLength(ResolveBarrierHandler.MaxResolutionLength)]
        [Display(Name = "What resolved it")]
        public string? Resolution { get; set; }
    }
}
