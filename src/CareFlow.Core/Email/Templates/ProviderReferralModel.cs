namespace CareFlow.Core.Email.Templates;

/// <summary>Everything a provider email may carry (HIPAA minimum necessary): nothing about the client.</summary>
/// <param name="ProgramName">The provider's program the referral is for (replaced by a neutral phrase if it names an SUD service).</param>
/// <param name="Reference">The opaque referral reference.</param>
/// <param name="ResponseDueAt">When an answer is expected, if known.</param>
/// <param name="Link">The signed link to the referral page.</param>
public sealed record ProviderReferralModel(string ProgramName, string Reference, DateTimeOffset? ResponseDueAt, string Link);
