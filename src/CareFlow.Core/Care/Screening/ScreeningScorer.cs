namespace CareFlow.Core.Care.Screening;

/// <summary>Validates answers against an instrument and applies its domain rules. No domain is special-cased in code.</summary>
public static class ScreeningScorer
{
    /// <summary>Scores answers (question id → selected option values).</summary>
    public static ScreeningResult Score(ScreeningInstrument instrument, IReadOnlyDictionary<string, string[]> answers)
    {
        var errors = new List<(string, string)>();
        foreach (var key in answers.Keys.Where(k => instrument.Questions.All(q => q.Id != k)))
            errors.Add(($"answers.{key}", $"'{key}' is not a question of {instrument.Name}."));

        var selected = new Dictionary<string, List<ScreeningOption>>(StringComparer.Ordinal);
        foreach (var question in instrument.Questions)
        {
            var field = $"answers.{question.Id}";
            if (!answers.TryGetValue(question.Id, out var values) || values is null || values.Length == 0)
            {
                errors.Add((field, $"Answer '{question.Text}'."));
                continue;
            }

            if (values.Length > 1 && !question.MultipleChoice) errors.Add((field, "Only one option may be chosen."));
            var options = new List<ScreeningOption>();
            foreach (var value in values)
            {
                var option = question.Options.FirstOrDefault(o => o.Value == value);
                if (option is null) errors.Add((field, $"'{value}' is not an option; expected one of {string.Join(", ", question.Options.Select(o => o.Value))}."));
                else options.Add(option);
            }

            selected[question.Id] = options;
        }

        if (errors.Count > 0) return new ScreeningResult(errors, []);
        var positive = instrument.Domains.Where(rule => IsPositive(rule, instrument.Questions.Where(q => q.Domain == rule.Domain).SelectMany(q => selected[q.Id]))).ToList();
        return new ScreeningResult([], positive);
    }

    private static bool IsPositive(ScreeningDomainRule rule, IEnumerable<ScreeningOption> options) => rule.Method switch
    {
        ScoringMethod.AnyPositiveOption => options.Any(o => o.Positive),
        ScoringMethod.SumGreaterThan => options.Sum(o => o.Score) > rule.Threshold,
        _ => false,
    };
}
