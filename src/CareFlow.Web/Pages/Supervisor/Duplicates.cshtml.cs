using CareFlow.Core.Care;
using CareFlow.Core.Care.Supervision;
using CareFlow.Web.Endpoints.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Supervisor;

/// <summary>
/// The duplicate-review queue (supervisors and admins only): every open review of a possible duplicate across
/// caseloads, the two records side by side with their cases and coordinators, and the two decisions: different people
/// (<see cref="DismissDuplicateReviewHandler"/>) or merge one record into the other (<see cref="MergeClientsHandler"/>).
/// The pair comes from the review itself; the form only says which of the two to keep.
/// </summary>
[ClientData]
[Authorize(Roles = CareFlowRoles.Supervisor + "," + CareFlowRoles.Admin, AuthenticationSchemes = CareFlowAuthenticationSchemes.Cookie)]
public sealed class DuplicatesModel(DuplicateReviews queue, DismissDuplicateReviewHandler dismiss, MergeClientsHandler merge) : PageModel
{
    public IReadOnlyList<DuplicateReviewItem> Reviews { get; private set; } = [];

    /// <summary>The review the refused post was about, and its refusals by field (<c>survivorId</c>, <c>reason</c>, or empty for the form).</summary>
    public Guid? PostedTaskId { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>What was just done, for the status line after a redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The reason as posted, kept when a merge is refused.</summary>
    public string? PostedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!MaySupervise) return StatusCode(StatusCodes.Status403Forbidden);
        Reviews = await queue.ListOpenAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDifferentAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!MaySupervise) return StatusCode(StatusCodes.Status403Forbidden);
        if (await queue.FindOpenAsync(taskId, cancellationToken) is null) return await RefuseAsync(taskId, "", "This review is no longer open.", cancellationToken);
        try
        {
            await dismiss.HandleAsync(taskId, CareProblems.By(HttpContext), cancellationToken);
        }
        catch (Exception ex) when (ex is CareValidationException or SupervisionConflictException)
        {
            return await RefuseAsync(taskId, "", ex.Message, cancellationToken);
        }

        return RedirectToPage(new { done = "different" });
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid taskId, Guid? survivorId, string? reason, CancellationToken cancellationToken)
    {
        if (!MaySupervise) return StatusCode(StatusCodes.Status403Forbidden);
        PostedReason = reason;
        var review = await queue.FindOpenAsync(taskId, cancellationToken);
        if (review is null) return await RefuseAsync(taskId, "", "This review is no longer open.", cancellationToken);
        if (review.Registered is not { } registered || review.Existing is not { } existing)
            return await RefuseAsync(taskId, "", "One of the two records is not known; decide \"different people\" and merge from the records themselves.", cancellationToken);
        var pair = new[] { registered.Client.Id, existing.Client.Id };
        if (survivorId is not { } kept || !pair.Contains(kept)) return await RefuseAsync(taskId, "survivorId", "Choose the record to keep.", cancellationToken);
        var mergedId = pair.Single(id => id != kept);
        try
        {
            await merge.HandleAsync(kept, mergedId, CareProblems.By(HttpContext), reason, cancellationToken);
        }
        catch (CareValidationException ex)
        {
            return await RefuseAsync(taskId, ex.Field is "reason" ? "reason" : ex.Field is "survivorId" or "mergedId" ? "survivorId" : "", ex.Message, cancellationToken);
        }
        catch (SupervisionConflictException ex)
        {
            return await RefuseAsync(taskId, "survivorId", ex.Message, cancellationToken);
        }

        return RedirectToPage(new { done = "merged" });
    }

    /// <summary>The error shown next to <paramref name="field"/> of review <paramref name="taskId"/>'s form, if any.</summary>
    public string? ErrorFor(Guid taskId, string field) => PostedTaskId == taskId && Errors.TryGetValue(field, out var message) ? message : null;

    private async Task<IActionResult> RefuseAsync(Guid taskId, string field, string message, CancellationToken cancellationToken)
    {
        PostedTaskId = taskId;
        Errors[field] = message;
        Done = null;
        Reviews = await queue.ListOpenAsync(cancellationToken);
        // The general refusal of a review that left the queue has nowhere to show but the top of the page.
        if (Reviews.All(r => r.Task.Id != taskId)) PostedTaskId = Guid.Empty;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool MaySupervise => User.IsInRole(CareFlowRoles.Supervisor) || User.IsInRole(CareFlowRoles.Admin);
}
