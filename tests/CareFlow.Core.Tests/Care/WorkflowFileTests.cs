using System.Text.Json.Nodes;
using CareFlow.Core.Activities;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Core.Tests.Care;

/// <summary>The four stage workflows parse, validate against the catalogue with CareFlow's activities, and lay out left to right.</summary>
public sealed class WorkflowFileTests
{
    public static TheoryData<string> Files => new(["intake.json", "stabilization.json", "referral.json", "follow-up.json"]);

    private static string Path(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.Directory.Exists(System.IO.Path.Combine(directory.FullName, "workflows"))) directory = directory.Parent;
        return System.IO.Path.Combine(directory?.FullName ?? throw new InvalidOperationException("workflows/ not found"), "workflows", file);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_ParsesAndValidates(string file)
    {
        var definition = WorkflowDefinitionParser.Parse(File.ReadAllBytes(Path(file)));
        var errors = new WorkflowDefinitionValidator(new ActivityCatalogue(CareActivities.All)).Validate(definition, new ValidationOptions { AllowScripts = false });
        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Message}"));
        Assert.Equal(System.IO.Path.GetFileNameWithoutExtension(file), definition.DefinitionId);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_HasDesignerPositionForEveryActivity(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path(file)))!["root"]!;
        foreach (var activity in root["activities"]!.AsArray())
            Assert.NotNull(activity!["metadata"]?["designer"]?["position"]?["x"]);
    }

    [Fact]
    public void Catalogue_ListsEveryCareActivityUnderCareFlowCategory()
    {
        var catalogue = new ActivityCatalogue(CareActivities.All);
        foreach (var type in CareActivities.All)
        {
            Assert.True(catalogue.TryGet("CareFlow." + type.Name, out var activity), type.Name);
            Assert.Equal("CareFlow", activity.Descriptor.Category);
        }
    }
}
