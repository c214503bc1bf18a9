using CareFlow.Infrastructure.Settings;
using CareFlow.Workflows.Runtime;
using Microsoft.Extensions.Configuration;

namespace CareFlow.Infrastructure.Tests.Settings;

public class WorkflowBudgetSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        .Build();

    [Fact]
    public void Read_GivesTheDefaults_WhenNothingIsSet()
    {
        Assert.Equal(new WorkflowBudget(), WorkflowBudgetSettings.Read(Configuration()));
        Assert.Equal((10_000, TimeSpan.FromSeconds(30), 1024 * 1024), (new WorkflowBudget().MaxActivityExecutions, new WorkflowBudget().MaxBurstDuration, new WorkflowBudget().MaxStateBytes));
    }

    [Fact]
    public void Read_TakesEachSetValue()
    {
        var budget = WorkflowBudgetSettings.Read(Configuration(
            ("CareFlow:Workflows:Budget:MaxActivityExecutions", "500"),
            ("CareFlow:Workflows:Budget:MaxBurstDuration", "00:00:05"),
            ("CareFlow:Workflows:Budget:MaxStateBytes", "65536")));

        Assert.Equal(new WorkflowBudget { MaxActivityExecutions = 500, MaxBurstDuration = TimeSpan.FromSeconds(5), MaxStateBytes = 65536 }, budget);
        Assert.Empty(ConfigurationValidator.Validate(Configuration(("CareFlow:Workflows:Budget:MaxActivityExecutions", "500"))));
    }

    [Theory]
    [InlineData("MaxActivityExecutions", "0", "CareFlow:Workflows:Budget:MaxActivityExecutions must be a whole number of at least 1 (got \"0\").")]
    [InlineData("MaxActivityExecutions", "lots", "CareFlow:Workflows:Budget:MaxActivityExecutions must be a whole number of at least 1 (got \"lots\").")]
    [InlineData("MaxBurstDuration", "30s", "CareFlow:Workflows:Budget:MaxBurstDuration must be a positive time span such as 00:00:30 (got \"30s\").")]
    [InlineData("MaxBurstDuration", "-00:00:01", "CareFlow:Workflows:Budget:MaxBurstDuration must be a positive time span such as 00:00:30 (got \"-00:00:01\").")]
    [InlineData("MaxStateBytes", "1MB", "CareFlow:Workflows:Budget:MaxStateBytes must be a whole number of bytes, at least 1024 (got \"1MB\").")]
    [InlineData("MaxActivites", "5", "CareFlow:Workflows:Budget:MaxActivites is not a known setting (known: MaxActivityExecutions, MaxBurstDuration, MaxStateBytes).")]
    public void Validate_NamesTheSetting_WhenABudgetIsMalformed(string key, string value, string expected)
    {
        Assert.Equal([expected], ConfigurationValidator.Validate(Configuration(($"CareFlow:Workflows:Budget:{key}", value))));
    }
}
