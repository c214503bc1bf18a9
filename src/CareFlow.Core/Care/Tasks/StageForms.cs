namespace CareFlow.Core.Care.Tasks;

/// <summary>The forms of the four stages (<c>forms/*.json</c>), by id: the defaults of the activities that wait for a coordinator.</summary>
public static class StageForms
{
    /// <summary>The AHC HRSN core screening; its keys and option values are the instrument's.</summary>
    public const string Screening = "ahc-hrsn-core";

    /// <summary>The §2.31 consent.</summary>
    public const string Consent = "part2-consent";

    /// <summary>The stabilization plan written with the client.</summary>
    public const string StabilizationPlan = "stabilization-plan";

    /// <summary>A stabilization check-in's outcome.</summary>
    public const string CheckIn = "check-in-outcome";

    /// <summary>The directory service the client chose.</summary>
    public const string ServiceChoice = "service-choice";

    /// <summary>A follow-up's outcome (day 7, 30, 90).</summary>
    public const string FollowUp = "follow-up-outcome";

    /// <summary>Closing the case.</summary>
    public const string Closure = "case-closure";

    /// <summary>An advocacy note.</summary>
    public const string Advocacy = "advocacy-note";

    /// <summary>Null for an empty form input (no form).</summary>
    public static string? OrNone(string? formId) => string.IsNullOrWhiteSpace(formId) ? null : formId.Trim();
}
