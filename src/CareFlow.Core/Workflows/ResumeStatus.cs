namespace CareFlow.Core.Workflows;

/// <summary>The result of a resume attempt.</summary>
public enum ResumeStatus
{
    /// <summary>This call resumed the bookmark.</summary>
    Resumed,

    /// <summary>The bookmark was already resumed (or cancelled); nothing was done.</summary>
    AlreadyResumed,

    /// <summary>No such instance.</summary>
    InstanceNotFound,
}
