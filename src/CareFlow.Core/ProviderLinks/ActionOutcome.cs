namespace CareFlow.Core.ProviderLinks;

/// <summary>What a provider's POST did.</summary>
public enum ActionOutcome
{
    Done,

    /// <summary>Someone (or another click) answered first; nothing changed.</summary>
    AlreadyAnswered,

    /// <summary>Not possible in the referral's state (e.g. complete before accept), or a missing reason.</summary>
    Refused,
}
