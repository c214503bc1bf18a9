using CareFlow.Infrastructure.Persistence;

namespace CareFlow.Infrastructure.Tests.Persistence;

public class SnakeCaseTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("FriendlyName", "friendly_name")]
    [InlineData("WorkflowInstanceId", "workflow_instance_id")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("DueAtUtc", "due_at_utc")]
    [InlineData("Address_Street", "address_street")]
    [InlineData("data_protection_keys", "data_protection_keys")]
    [InlineData("Step2Name", "step2_name")]
    public void From_ConvertsPascalCase(string name, string expected)
    {
        Assert.Equal(expected, SnakeCase.From(name));
    }
}
