namespace CareFlow.Core.Care;

/// <summary>A save lost a race: a row guarded by a concurrency token changed since it was read, and nothing was written.</summary>
public sealed class CareConcurrencyException : Exception
{
    public CareConcurrencyException()
    {
    }

    public CareConcurrencyException(string message)
        : base(message)
    {
    }

    public CareConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
