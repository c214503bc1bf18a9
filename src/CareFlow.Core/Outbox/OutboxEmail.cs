using CareFlow.Core.Email.Templates;

namespace CareFlow.Core.Outbox;

/// <summary>What a step asks the outbox to send: one rendered email to one recipient under one idempotency key.</summary>
/// <param name="Key">Instance or subject / step / recipient / template@version; the same key is one logical email.</param>
/// <param name="To">The recipient mailbox; validated (one mailbox, no CR/LF) before the row is written.</param>
/// <param name="Email">The rendered template.</param>
/// <param name="Topic">What the email is about (e.g. <c>referral:{id}</c>), to cancel or route failures.</param>
/// <param name="WorkflowInstanceId">The workflow waiting on the outcome, if any.</param>
/// <param name="SendAfter">Not before this time (a reminder); null sends at once.</param>
public sealed record OutboxEmail(string Key, string To, RenderedEmail Email, string? Topic = null, string? WorkflowInstanceId = null, DateTimeOffset? SendAfter = null);
