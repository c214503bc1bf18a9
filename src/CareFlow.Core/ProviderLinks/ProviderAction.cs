namespace CareFlow.Core.ProviderLinks;

/// <summary>The provider's buttons, each mapped to a Gravity Task status.</summary>
public enum ProviderAction
{
    /// <summary>accepted</summary>
    Accept,

    /// <summary>rejected, with a structured reason</summary>
    Decline,

    /// <summary>in-progress</summary>
    Start,

    /// <summary>completed</summary>
    Complete,
}
