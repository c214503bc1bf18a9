namespace CareFlow.Core.Care.Clients;

public enum ClientMatchKind
{
    /// <summary>No existing client is similar.</summary>
    None,

    /// <summary>Same normalised name, date of birth and a shared contact detail: the same person.</summary>
    Exact,

    /// <summary>Two of the three agree: a coordinator must decide.</summary>
    Possible,
}
