namespace CareFlow.Core.Outbox;

/// <summary>An email that will not be delivered: the server refused it (5xx) or it ran out of attempts.</summary>
/// <param name="OutboxId">The outbox row.</param>
/// <param name="Key">Its idempotency key.</param>
/// <param name="Template">Template name and version.</param>
/// <param name="Topic">What it was about (e.g. <c>referral:{id}</c>).</param>
/// <param name="WorkflowInstanceId">The workflow waiting on it, if any.</param>
/// <param name="Reason">The server's reply or the last error.</param>
public sealed record EmailDeliveryFailure(Guid OutboxId, string Key, string Template, string? Topic, string? WorkflowInstanceId, string Reason);
