namespace CareFlow.Core.Email;

/// <summary>
/// The sending organisation's identity in emails, bound to the "Email" section. None of these may name an addiction or
/// substance-use service (start-up refuses it): the sender name and footer alone would disclose a client's SUD status.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    /// <summary>Shown as the sender's display name and in the footer, e.g. "Northside Care Coordination".</summary>
    public string OrganizationName { get; set; } = "Care Coordination";

    /// <summary>The sender address; empty uses Smtp:From, then careflow@localhost.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Footer line under every email (plain text; encoded in HTML).</summary>
    public string Footer { get; set; } = "You receive this message because your organisation accepts referrals from us.";

    /// <summary>The public origin of CareFlow for links in emails, e.g. https://careflow.example.org.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Right-hand side of generated Message-IDs; empty uses the sender address's domain.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>IANA or Windows time zone for dates in emails (response due dates).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Coordinators' addresses by user id (CareFlow:Users user name), for escalation emails.</summary>
    public Dictionary<string, string> CoordinatorAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where escalations go when the coordinator has no address configured (e.g. the team's shared mailbox).</summary>
    public string? EscalationAddress { get; set; }
}
