namespace CareFlow.Core.Outbox;

/// <summary>
/// Told when an email fails for good, so the waiting workflow can take its failure path. Called at least once per
/// failed email (again after a crash), so implementations must be idempotent.
/// </summary>
public interface IEmailFailureHandler
{
    Task HandleAsync(EmailDeliveryFailure failure, CancellationToken cancellationToken = default);
}
