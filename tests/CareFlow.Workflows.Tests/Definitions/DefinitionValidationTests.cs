using System.Text;
using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Tests.Definitions;

public sealed class DefinitionValidationTests
{
    private static readonly WorkflowDefinitionValidator Validator = new(new ActivityCatalogue());

    private static IReadOnlyList<DefinitionError> Errors(JsonObject json, ValidationOptions? options = null)
    {
        try
        {
            return Validator.Validate(WorkflowDefinitionParser.Parse(json.ToJsonString()), options);
        }
        catch (DefinitionException ex)
        {
            return ex.Errors;
        }
    }

    [Fact]
    public void Validate_NamesPathOfUnknownType()
    {
        var errors = Errors(Defs.Workflow([Defs.Activity("x", "Elsa.Nope")], []));
        Assert.Equal("$.root.activities[0].type", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_NamesPathOfUnknownPort()
    {
        var errors = Errors(Defs.Workflow([Defs.WriteLine("a", "A"), Defs.WriteLine("b", "B")], [Defs.Connect("a", "b", "Sideways")]));
        var error = Assert.Single(errors);
        Assert.Equal("$.root.connections[0].source", error.Path);
        Assert.Contains("Sideways", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesDuplicateIdsAndDanglingConnections()
    {
        var errors = Errors(Defs.Workflow([Defs.WriteLine("a", "A"), Defs.WriteLine("a", "B")], [Defs.Connect("a", "ghost")]));
        Assert.Contains(errors, e => e.Path == "$.root.activities[1].id");
        Assert.Contains(errors, e => e.Path == "$.root.connections[0].target");
    }

    [Fact]
    public void Validate_RefusesMissingRequiredInput()
    {
        var errors = Errors(Defs.Workflow([Defs.Activity("e", "Elsa.Event")], []));
        Assert.Equal("$.root.activities[0].eventName", Assert.Single(errors).Path);
    }

    [Fact]
    public void Validate_RefusesScripts_WhenScriptsAreOff_AndScriptsWhereDataIsRequired()
    {
        var json = Defs.Workflow([Defs.Activity("w", "Elsa.WriteLine", ("text", Defs.Script("1+1")))], []);
        Assert.Equal("$.root.activities[0].text.expression.type", Assert.Single(Errors(json, new ValidationOptions { AllowScripts = false })).Path);
        Assert.Empty(Errors(json));
        var eventScript = Defs.Workflow([Defs.Activity("e", "Elsa.Event", ("eventName", Defs.Script("'x'")))], []);
        Assert.Equal("$.root.activities[0].eventName.expression.type", Assert.Single(Errors(eventScript)).Path);
    }

    [Fact]
    public void Validate_RefusesUnparseableScriptAndBadLiteral()
    {
        var errors = Errors(Defs.Workflow(
            [Defs.Activity("w", "Elsa.WriteLine", ("text", Defs.Script("return (;"))), Defs.Activity("d", "Elsa.Delay", ("timeSpan", Defs.Literal("soon", "TimeSpan")))], []));
        Assert.Contains(errors, e => e.Path == "$.root.activities[0].text.expression.value");
        Assert.Contains(errors, e => e.Path == "$.root.activities[1].timeSpan.expression.value");
    }

    [Fact]
    public void Parse_RefusesMalformedOversizedAndTooDeepDocuments()
    {
        Assert.StartsWith("Malformed JSON", Assert.Throws<DefinitionException>(() => WorkflowDefinitionParser.Parse("{\"root\": [")).Errors[0].Message, StringComparison.Ordinal);
        var big = Encoding.UTF8.GetBytes(Defs.Workflow([Defs.WriteLine("a", new string('x', 3000))], []).ToJsonString());
        Assert.Contains("limit", Assert.Throws<DefinitionException>(() => WorkflowDefinitionParser.Parse(big, new ParseOptions { MaxDocumentBytes = 1000 })).Errors[0].Message, StringComparison.Ordinal);
        var deep = new string('[', 200) + new string(']', 200);
        Assert.Throws<DefinitionException>(() => WorkflowDefinitionParser.Parse("{\"x\":" + deep + "}"));
        Assert.Throws<DefinitionException>(() => WorkflowDefinitionParser.Parse([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]));
    }

    [Fact]
    public void Parse_ReadsLegacyFlatConnectionsAndBom_AndKeepsUnknownProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ElsaCorpus", "timer-workflow.json");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(0xEF, bytes[0]);
        var definition = WorkflowDefinitionParser.Parse(bytes);
        Assert.NotNull(definition.Json["$schema"]);

        var flat = WorkflowHarness.Load(Path.Combine(AppContext.BaseDirectory, "ElsaCorpus", "workflow1.json"));
        Assert.Equal(2, flat.Root.Connections.Count);
        Assert.Equal("WriteLine1", flat.Root.Connections[0].Source);

        var json = Defs.Workflow([Defs.WriteLine("a", "A")], []);
        json["root"]!["activities"]![0]!["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 10, ["y"] = 20 } } };
        var roundTripped = WorkflowDefinitionParser.Parse(json.ToJsonString()).Json.ToJsonString();
        Assert.True(JsonNode.DeepEquals(json, JsonNode.Parse(roundTripped)));
    }

    [Fact]
    public void Catalogue_DescribesBuiltinsForStudio()
    {
        var catalogue = new ActivityCatalogue();
        Assert.True(catalogue.TryGet("Elsa.FlowDecision", out var decision));
        Assert.Equal(["True", "False"], decision.Descriptor.Ports.Select(p => p.Name));
        Assert.True(catalogue.TryGet("Elsa.FlowJoin", out var join));
        var mode = Assert.Single(join.Descriptor.Inputs);
        Assert.Equal(("dropdown", "FlowJoinMode"), (mode.UIHint, mode.TypeName));
        Assert.NotNull(mode.UISpecifications?["dropdown"]?["selectList"]?["items"]);
        Assert.Equal(16, catalogue.Types.Count);
    }
}
