namespace CareFlow.Core.Email.Templates;

/// <summary>A rendered template: every value already encoded for its part, nothing left to interpolate.</summary>
/// <param name="Template">Template name, e.g. <c>new-referral</c>.</param>
/// <param name="Version">Template version; part of the outbox key so a changed template is a new logical email.</param>
/// <param name="From">Sender mailbox ("Name &lt;address&gt;").</param>
/// <param name="Subject">Single line, no CR/LF.</param>
/// <param name="Preheader">The preview text mail clients show next to the subject.</param>
/// <param name="TextBody">Plain-text part.</param>
/// <param name="HtmlBody">HTML part.</param>
public sealed record RenderedEmail(string Template, int Version, string From, string Subject, string Preheader, string TextBody, string HtmlBody);
