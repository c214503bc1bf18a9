using CareFlow.Core.Audit;
using CareFlow.Infrastructure.Persistence;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Web.Pages.Admin;

/// <summary><c>/admin/audit</c>: the audit log, newest first, filtered by user, target id and time; admins only.</summary>
[Authorize(Policy = CareFlowPolicies.Admin)]
public sealed class AuditModel(CareFlowDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "target")]
    public string? TargetId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1 || PageNumber > 100_000) PageNumber = 1;
        if (From is { } f && To is { } t && f > t)
            ModelState.AddModelError(nameof(To), "The 'to' date must not be before the 'from' date.");
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(e => e.Actor == Actor.Trim());
        if (!string.IsNullOrWhiteSpace(TargetId)) query = query.Where(e => e.TargetId == TargetId.Trim());
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }
        var rows = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }

    /// <summary>The query string of another page with the same filters.</summary>
    public Dictionary<string, string?> RouteFor(int page) => new()
    {
        ["user"] = Actor,
        ["target"] = TargetId,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
