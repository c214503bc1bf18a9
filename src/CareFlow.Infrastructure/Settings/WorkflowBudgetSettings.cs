using System.Globalization;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Settings;

/// <summary>
/// <c>CareFlow:Workflows:Budget</c>: what one workflow burst may use. Checked as raw strings with the other settings
/// (start-up fails with one line naming a malformed value), then read with the same parsing; unset values keep the
/// defaults of <see cref="WorkflowBudget"/>.
/// </summary>
public static class WorkflowBudgetSettings
{
    public const string SectionName = "CareFlow:Workflows:Budget";

    private static readonly string[] Known = [nameof(WorkflowBudget.MaxActivityExecutions), nameof(WorkflowBudget.MaxBurstDuration), nameof(WorkflowBudget.MaxStateBytes)];

    /// <summary>Adds one sentence per malformed or unknown setting.</summary>
    public static void Check(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(SectionName);
        foreach (var child in section.GetChildren().Where(c => !Known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"{child.Path} is not a known setting (known: {string.Join(", ", Known)}).");
        }

        var executions = section[nameof(WorkflowBudget.MaxActivityExecutions)];
        if (executions is not null && ParseCount(executions, 1) is null)
            errors.Add($"{SectionName}:{nameof(WorkflowBudget.MaxActivityExecutions)} must be a whole number of at least 1 (got {SettingValue.Quote(executions)}).");
        var duration = section[nameof(WorkflowBudget.MaxBurstDuration)];
        if (duration is not null && ParseDuration(duration) is null)
            errors.Add($"{SectionName}:{nameof(WorkflowBudget.MaxBurstDuration)} must be a positive time span such as 00:00:30 (got {SettingValue.Quote(duration)}).");
        var bytes = section[nameof(WorkflowBudget.MaxStateBytes)];
        if (bytes is not null && ParseCount(bytes, 1024) is null)
            errors.Add($"{SectionName}:{nameof(WorkflowBudget.MaxStateBytes)} must be a whole number of bytes, at least 1024 (got {SettingValue.Quote(bytes)}).");
    }

    /// <summary>Reads the budget of a configuration that <see cref="Check"/> accepted.</summary>
    public static WorkflowBudget Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var defaults = new WorkflowBudget();
        return new WorkflowBudget
        {
            MaxActivityExecutions = ParseCount(section[nameof(WorkflowBudget.MaxActivityExecutions)], 1) ?? defaults.MaxActivityExecutions,
            MaxBurstDuration = ParseDuration(section[nameof(WorkflowBudget.MaxBurstDuration)]) ?? defaults.MaxBurstDuration,
            MaxStateBytes = ParseCount(section[nameof(WorkflowBudget.MaxStateBytes)], 1024) ?? defaults.MaxStateBytes,
        };
    }

    private static int? ParseCount(string? value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum ? number : null;

    private static TimeSpan? ParseDuration(string? value) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
}
