namespace CareFlow.Core.Care.Screening;

/// <summary>The CMS AHC HRSN screening tool, core part: 10 questions in 5 domains. Pure data.</summary>
public static class AhcHrsnCore
{
    public const string Id = "ahc-hrsn-core";

    private static readonly ScreeningOption[] FoodOptions =
        [new("often", "Often true", Positive: true), new("sometimes", "Sometimes true", Positive: true), new("never", "Never true")];

    private static readonly ScreeningOption[] Frequency =
        [new("never", "Never", Score: 1), new("rarely", "Rarely", Score: 2), new("sometimes", "Sometimes", Score: 3), new("fairly-often", "Fairly often", Score: 4), new("frequently", "Frequently", Score: 5)];

    public static ScreeningInstrument Instrument { get; } = new(Id, "AHC HRSN core", [
        new("living-situation", "housing", "What is your living situation today?", [
            new("steady", "I have a steady place to live"),
            new("worried", "I have a place to live today, but I am worried about losing it in the future", Positive: true),
            new("no-steady-place", "I do not have a steady place to live", Positive: true)]),
        new("housing-problems", "housing", "Think about the place you live. Do you have problems with any of the following?", [
            new("pests", "Pests such as bugs, ants, or mice", Positive: true), new("mold", "Mold", Positive: true),
            new("lead", "Lead paint or pipes", Positive: true), new("heat", "Lack of heat", Positive: true),
            new("stove", "Oven or stove not working", Positive: true), new("smoke-detectors", "Smoke detectors missing or not working", Positive: true),
            new("leaks", "Water leaks", Positive: true), new("none", "None of the above")], MultipleChoice: true),
        new("food-worry", "food", "Within the past 12 months, you worried that your food would run out before you got money to buy more.", FoodOptions),
        new("food-last", "food", "Within the past 12 months, the food you bought just didn't last and you didn't have money to get more.", FoodOptions),
        new("transportation", "transportation", "In the past 12 months, has lack of reliable transportation kept you from medical appointments, meetings, work or from getting things needed for daily living?", [
            new("yes-medical", "Yes, it has kept me from medical appointments or from getting my medications", Positive: true),
            new("yes-other", "Yes, it has kept me from non-medical meetings, appointments, work, or from getting things that I need", Positive: true),
            new("no", "No")], MultipleChoice: true),
        new("utilities", "utilities", "In the past 12 months has the electric, gas, oil, or water company threatened to shut off services in your home?", [
            new("yes", "Yes", Positive: true), new("no", "No"), new("already-shut-off", "Already shut off", Positive: true)]),
        new("safety-hurt", "safety", "How often does anyone, including family and friends, physically hurt you?", Frequency),
        new("safety-insult", "safety", "How often does anyone, including family and friends, insult or talk down to you?", Frequency),
        new("safety-threaten", "safety", "How often does anyone, including family and friends, threaten you with harm?", Frequency),
        new("safety-scream", "safety", "How often does anyone, including family and friends, scream or curse at you?", Frequency),
    ], [
        new("housing", "Housing instability", ScoringMethod.AnyPositiveOption),
        new("food", "Food insecurity", ScoringMethod.AnyPositiveOption),
        new("transportation", "Transportation", ScoringMethod.AnyPositiveOption),
        new("utilities", "Utilities", ScoringMethod.AnyPositiveOption),
        new("safety", "Interpersonal safety", ScoringMethod.SumGreaterThan, Threshold: 10, RequiresStabilization: true),
    ]);
}
