namespace CareFlow.Core.Email;

/// <summary>One email to one recipient.</summary>
/// <param name="From">Sender mailbox ("Name &lt;address&gt;" or an address); null or empty uses the configured Smtp:From.</param>
/// <param name="To">The single recipient's mailbox.</param>
/// <param name="Subject">Subject line; never client data.</param>
/// <param name="TextBody">Plain-text body.</param>
/// <param name="HtmlBody">Optional HTML alternative; every template value in it must already be HTML-encoded.</param>
/// <param name="MessageId">Message-ID without angle brackets (local@domain), derived from the email's idempotency key.</param>
/// <param name="Headers">Extra headers (e.g. X-CareFlow-Key); structural headers such as To or Bcc are refused.</param>
/// <param name="Date">The Date header; the outbox passes the row's creation time so that a resend is byte-identical.</param>
public sealed record EmailMessage(
    string? From,
    string To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    string MessageId,
    IReadOnlyDictionary<string, string>? Headers = null,
    DateTimeOffset? Date = null);
