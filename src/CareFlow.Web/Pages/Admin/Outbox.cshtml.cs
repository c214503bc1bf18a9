using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Outbox;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Admin;

/// <summary>
/// /admin/outbox: the newest emails and their state, the queue's pause (an SMTP authentication or configuration
/// error) with its reason, and the admin's Resume button (POST, anti-forgery checked by Razor Pages).
/// </summary>
[Authorize(Roles = CareFlowRoles.Admin, AuthenticationSchemes = CareFlowAuthenticationSchemes.Cookie)]
[ClientData]
public sealed partial class OutboxModel(OutboxQueries queries, OutboxPause pause, IOutboxSignal signal, ILogger<OutboxModel> logger) : PageModel
{
    public IReadOnlyList<OutboxMessage> Rows { get; private set; } = [];

    public OutboxPause Pause => pause;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(int? take, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Rows = await queries.LatestAsync(take ?? 100, cancellationToken);
    }

    public IActionResult OnPostResume()
    {
        if (pause.Resume())
        {
            LogResumed(User.Identity?.Name ?? "?");
            signal.Kick();
            Notice = "Email delivery resumed.";
        }
        else
        {
            Notice = "Email delivery was not paused.";
        }

        return RedirectToPage();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox resumed by {UserName}.")]
    private partial void LogResumed(string userName);
}
