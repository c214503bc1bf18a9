namespace CareFlow.Core.ProviderLinks;

/// <summary>Provider link settings, bound to the "ProviderLinks" section.</summary>
public sealed class ProviderLinkOptions
{
    public const string SectionName = "ProviderLinks";

    /// <summary>The §2.32 short statement (the compliance lead may configure the long form).</summary>
    public const string DefaultRedisclosureNotice =
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    /// <summary>How long an emailed link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a one-time code works.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong entries before a code is spent.</summary>
    public int CodeMaxAttempts { get; set; } = 5;

    /// <summary>Requests per minute per client address on /r routes.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>The redisclosure notice shown with every disclosure (§2.32).</summary>
    public string RedisclosureNotice { get; set; } = DefaultRedisclosureNotice;
}
