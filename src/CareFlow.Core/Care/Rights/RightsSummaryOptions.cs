namespace CareFlow.Core.Care.Rights;

/// <summary>
/// The wording of the client rights-and-options summary, bound to the "RightsSummary" section so an organisation
/// can put its own words, names and complaint route in configuration. The defaults are plain language (about
/// grade 6 to 8): short sentences, everyday words, no legal terms without an explanation.
/// </summary>
public sealed class RightsSummaryOptions
{
    public const string SectionName = "RightsSummary";

    public string ProgramName { get; set; } = "our care coordination program";

    public string Intro { get; set; } =
        "This page is for you. It says what we may share about you, who we have shared it with, and what you can choose next.";

    public string ChoiceRight { get; set; } =
        "You decide. We only send a referral if you agree. You can say no to any service, and you can change your mind.";

    public string ConsentRight { get; set; } =
        "We need your written OK (a consent form) before we tell any service about you. The form says who gets your information, what they get, why, and when the OK ends.";

    public string RevokeRight { get; set; } =
        "You can take back your OK at any time. Tell your coordinator, in person, by phone or in writing. After that we stop sharing, and referrals that are still open are stopped.";

    public string ConfidentialityRight { get; set; } =
        "A federal law (42 CFR Part 2) protects records about drug or alcohol treatment. We cannot share them, or even say that you get help from us, without your written OK, except in a few cases the law allows, such as a medical emergency.";

    public string RecordsRight { get; set; } =
        "You can ask us for a list of who we shared your information with in the last 3 years. It is below.";

    public string ComplaintRoute { get; set; } =
        "If you think we did not respect your rights, tell your coordinator or ask to speak with a supervisor. You can also complain to the U.S. Department of Health and Human Services, Office for Civil Rights. You will not lose any service because you complained.";

    public string Contact { get; set; } = "Questions? Ask your coordinator.";

    /// <summary>What each referral status means, by <c>ReferralTaskStatus</c> name.</summary>
    public Dictionary<string, string> ReferralStatusTexts { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Draft"] = "Being prepared. It has not been sent yet.",
        ["Requested"] = "Sent. We are waiting for the service to answer.",
        ["Accepted"] = "The service said yes. They will contact you or your coordinator.",
        ["Rejected"] = "The service said no. Your coordinator will help you find another choice.",
        ["Cancelled"] = "Stopped. It will not go ahead.",
        ["InProgress"] = "You are getting this service now.",
        ["OnHold"] = "Paused for now.",
        ["Failed"] = "It did not work out. Your coordinator will help you find another choice.",
        ["Completed"] = "Finished.",
        ["EnteredInError"] = "Made by mistake. You can ignore it.",
    };
}
