using System.ComponentModel.DataAnnotations;
using CareFlow.Core.Care;
using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Directory;
using CareFlow.Core.ProviderLinks;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareFlow.Web.Pages.Cases;

/// <summary>42 CFR Part 2 consents of the case's client: record one (§2.31 fields), revoke one (cascading to open referrals), the disclosure ledger.</summary>
[ClientData]
public sealed class ConsentsModel(ICareData data, RecordConsentHandler recordConsent, RevokeConsentHandler revokeConsent, TimeProvider time) : PageModel
{
    // Bound per handler (not [BindProperty]) so that each form is validated alone.
    public ConsentInput Input { get; set; } = new();

    public RevokeInput Revoke { get; set; } = new();

    public CaseHeaderView Header { get; private set; } = null!;

    public IReadOnlyList<Consent> Consents { get; private set; } = [];

    public IReadOnlyList<DisclosureRecord> Disclosures { get; private set; } = [];

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecordAsync(Guid caseId, [Bind(Prefix = nameof(Input))] ConsentInput input, CancellationToken cancellationToken)
    {
        Input = input;
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var organization = Organizations.FirstOrDefault(o => o.Id == Input.RecipientOrganizationId);
        if (!string.IsNullOrWhiteSpace(Input.RecipientOrganizationId) && organization is null)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.RecipientOrganizationId)}", "Choose an organisation from the directory.");
        if (!ModelState.IsValid) return Page();
        var consent = new Consent
        {
            ClientId = Header.Client.Id, DisclosingParty = Input.DisclosingParty?.Trim() ?? "", InformationDescription = Input.InformationDescription?.Trim() ?? "",
            RecipientOrganizationId = organization?.Id, RecipientName = organization?.Name ?? Input.RecipientEmail?.Trim() ?? "",
            RecipientEmail = string.IsNullOrWhiteSpace(Input.RecipientEmail) ? null : Input.RecipientEmail.Trim(), Purpose = Input.Purpose?.Trim() ?? "",
            RevocationInstructions = "Tell your coordinator, in writing or orally, at any time.", ExpiresOn = Input.ExpiresOn,
            ExpiryEvent = string.IsNullOrWhiteSpace(Input.ExpiryEvent) ? null : Input.ExpiryEvent.Trim(), SignedBy = Input.SignedBy?.Trim() ?? "", SignedAt = time.GetUtcNow(),
        };
        try
        {
            await recordConsent.HandleAsync(consent, User.Identity?.Name ?? "unknown", cancellationToken);
        }
        catch (CareValidationException ex)
        {
            ModelState.AddModelError(InputKey(ex.Field), ex.Message);
            return Page();
        }

        return RedirectToPage(new { caseId });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid caseId, [Bind(Prefix = nameof(Revoke))] RevokeInput revoke, CancellationToken cancellationToken)
    {
        Revoke = revoke;
        if (!await LoadAsync(caseId, cancellationToken)) return NotFound();
        if (Consents.All(c => c.Id != Revoke.ConsentId)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await revokeConsent.HandleAsync(Revoke.ConsentId, Revoke.Method, cancellationToken);
        }
        catch (CareValidationException ex)
        {
            ModelState.AddModelError($"{nameof(Revoke)}.{nameof(Revoke.Method)}", ex.Message);
            return Page();
        }

        return RedirectToPage(new { caseId });
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await CaseAccess.LoadAsync(data, User, caseId, cancellationToken) is not { } access) return false;
        Now = time.GetUtcNow();
        Header = new CaseHeaderView(access.Case, access.Client, "consents");
        var clientId = access.Client.Id;
        Consents = await data.ToListAsync(data.Query<Consent>().Where(c => c.ClientId == clientId).OrderByDescending(c => c.SignedAt), cancellationToken);
        Disclosures = await data.ToListAsync(data.Query<DisclosureRecord>().Where(d => d.ClientId == clientId).OrderByDescending(d => d.DisclosedAt), cancellationToken);
        Organizations = await data.ToListAsync(data.Query<Organization>().OrderBy(o => o.Name), cancellationToken);
        return true;
    }

    private static string InputKey(string field) => field switch
    {
        "recipient" => $"{nameof(Input)}.{nameof(ConsentInput.RecipientOrganizationId)}",
        "" => "",
        _ => $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}",
    };

    public sealed class ConsentInput
    {
        [Display(Name = "Recipient organisation")]
        public string? RecipientOrganizationId { get; set; }

        [EmailAddress(ErrorMessage = "Not an email address.")]
        [StringLength(254)]
        [Display(Name = "Recipient email (when not an organisation in the directory)")]
        public string? RecipientEmail { get; set; }

        [Required(ErrorMessage = "A Part 2 consent must state its purpose.")]
        [StringLength(500)]
        [Display(Name = "Purpose of the disclosure")]
        public string? Purpose { get; set; }

        [Required(ErrorMessage = "Describe what information may be disclosed.")]
        [StringLength(1000)]
        [Display(Name = "What information (scope)")]
        public string? InformationDescription { get; set; }

        [Required(ErrorMessage = "Name who may disclose.")]
        [StringLength(200)]
        [Display(Name = "Who may disclose")]
        public string? DisclosingParty { get; set; } = "CareFlow care coordination";

        [Display(Name = "Expires on")]
        public DateOnly? ExpiresOn { get; set; }

        [StringLength(200)]
        [Display(Name = "Or expires at this event")]
        public string? ExpiryEvent { get; set; }

        [Required(ErrorMessage = "A consent needs a signature.")]
        [StringLength(200)]
        [Display(Name = "Signed by")]
        public string? SignedBy { get; set; }
    }

    public sealed class RevokeInput
    {
        public Guid ConsentId { get; set; }

        [Required(ErrorMessage = "Say how the client revoked (written, oral, …).")]
        [StringLength(200)]
        [Display(Name = "How the client revoked")]
        public string? Method { get; set; }
    }
}
