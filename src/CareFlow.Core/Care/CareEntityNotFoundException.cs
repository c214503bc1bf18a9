namespace CareFlow.Core.Care;

/// <summary>A workflow reached an activity whose case, client or referral no longer exists; the instance faults with an incident.</summary>
public sealed class CareEntityNotFoundException : Exception
{
    public CareEntityNotFoundException()
    {
    }

    public CareEntityNotFoundException(string message)
        : base(message)
    {
    }

    public CareEntityNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static CareEntityNotFoundException For(string kind, object id) => new($"{kind} {id} does not exist (deleted?); the workflow cannot continue.");
}
