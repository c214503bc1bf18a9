namespace CareFlow.Core.ProviderLinks;

/// <summary>The result of entering a one-time code: the details (and the notice), or why not.</summary>
/// <param name="Shown">True when details were disclosed (and a ledger entry written).</param>
/// <param name="Message">Why not, when not shown.</param>
/// <param name="Fields">Label and value of each disclosed field.</param>
/// <param name="Scope">The consent's description of what may be disclosed, and its purpose.</param>
/// <param name="Notice">The §2.32 redisclosure notice.</param>
public sealed record DisclosureOutcome(bool Shown, string Message, IReadOnlyList<KeyValuePair<string, string>> Fields, string Scope, string Notice);
