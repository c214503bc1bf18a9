namespace CareFlow.Core.Care.Barriers;

/// <summary>A barrier that is resolved already cannot be resolved again (409 on the API).</summary>
public sealed class BarrierAlreadyResolvedException : Exception
{
    public BarrierAlreadyResolvedException()
    {
    }

    public BarrierAlreadyResolvedException(string message)
        : base(message)
    {
    }

    public BarrierAlreadyResolvedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BarrierAlreadyResolvedException(AccessBarrier barrier)
        : base($"This barrier was resolved already{(barrier?.ResolvedBy is { } by ? " by " + by : "")}.")
    {
    }
}
