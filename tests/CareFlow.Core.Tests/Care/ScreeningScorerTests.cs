using CareFlow.Core.Care.Screening;

namespace CareFlow.Core.Tests.Care;

public sealed class ScreeningScorerTests
{
    private static Dictionary<string, string[]> Negative() => new()
    {
        ["living-situation"] = ["steady"], ["housing-problems"] = ["none"], ["food-worry"] = ["never"], ["food-last"] = ["never"],
        ["transportation"] = ["no"], ["utilities"] = ["no"],
        ["safety-hurt"] = ["never"], ["safety-insult"] = ["never"], ["safety-threaten"] = ["never"], ["safety-scream"] = ["never"],
    };

    private static string[] Positive(Dictionary<string, string[]> answers) =>
        [.. ScreeningScorer.Score(AhcHrsnCore.Instrument, answers).PositiveDomains.Select(d => d.Domain)];

    [Fact]
    public void Score_NoDomains_WhenAllAnswersNegative() => Assert.Empty(Positive(Negative()));

    [Theory]
    [InlineData("living-situation", "worried", "housing")]
    [InlineData("living-situation", "no-steady-place", "housing")]
    [InlineData("housing-problems", "mold", "housing")]
    [InlineData("food-worry", "sometimes", "food")]
    [InlineData("food-last", "often", "food")]
    [InlineData("transportation", "yes-medical", "transportation")]
    [InlineData("transportation", "yes-other", "transportation")]
    [InlineData("utilities", "yes", "utilities")]
    [InlineData("utilities", "already-shut-off", "utilities")]
    public void Score_DomainPositive_WhenOneAnswerIsPositive(string question, string option, string domain)
    {
        var answers = Negative();
        answers[question] = [option];
        Assert.Equal([domain], Positive(answers));
    }

    [Fact]
    public void Score_SafetyNegative_WhenSumIsTen()
    {
        var answers = Negative();
        answers["safety-hurt"] = ["fairly-often"]; // 4
        answers["safety-insult"] = ["sometimes"];  // 3
        answers["safety-threaten"] = ["rarely"];   // 2 → total 10
        Assert.Empty(Positive(answers));
    }

    [Fact]
    public void Score_SafetyPositiveAndRequiresStabilization_WhenSumExceedsTen()
    {
        var answers = Negative();
        answers["safety-hurt"] = ["fairly-often"];
        answers["safety-insult"] = ["sometimes"];
        answers["safety-threaten"] = ["sometimes"]; // total 11
        var result = ScreeningScorer.Score(AhcHrsnCore.Instrument, answers);
        Assert.Equal(["safety"], result.PositiveDomains.Select(d => d.Domain));
        Assert.True(result.RequiresStabilization);
    }

    [Fact]
    public void Score_ErrorsNameTheField_WhenAnswersAreInvalid()
    {
        var answers = Negative();
        answers.Remove("food-worry");
        answers["utilities"] = ["maybe"];
        answers["living-situation"] = ["steady", "worried"];
        answers["shoe-size"] = ["42"];
        var result = ScreeningScorer.Score(AhcHrsnCore.Instrument, answers);
        Assert.False(result.IsValid);
        Assert.Equal(["answers.food-worry", "answers.living-situation", "answers.shoe-size", "answers.utilities"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Empty(result.PositiveDomains);
    }

    [Fact]
    public void Instrument_HasTenQuestionsInFiveDomains()
    {
        Assert.Equal(10, AhcHrsnCore.Instrument.Questions.Count);
        Assert.Equal(5, AhcHrsnCore.Instrument.Questions.Select(q => q.Domain).Distinct().Count());
    }
}
