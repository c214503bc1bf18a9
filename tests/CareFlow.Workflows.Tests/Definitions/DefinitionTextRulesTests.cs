using System.Text.Json.Nodes;
using CareFlow.Workflows.Activities;
using CareFlow.Workflows.Definitions;

namespace CareFlow.Workflows.Tests.Definitions;

/// <summary>Ids, names and text of a definition: pattern, length, invisible characters, duplicate variables, wrong types.</summary>
public sealed class DefinitionTextRulesTests
{
    private static readonly WorkflowDefinitionValidator Validator = new(new ActivityCatalogue());

    private static IReadOnlyList<DefinitionError> Errors(JsonObject json)
    {
        try
        {
            return Validator.Validate(WorkflowDefinitionParser.Parse(json.ToJsonString()));
        }
        catch (DefinitionException ex)
        {
            return ex.Errors;
        }
    }

    private static JsonObject Valid() => Defs.Workflow([Defs.WriteLine("a", "A")], [],
        [Defs.Variable("v1", "Count", "Int32", "0"), Defs.Variable("v2", "Name", "String", null)]);

    private static void AssertRefusedAt(JsonObject json, string path)
    {
        var errors = Errors(json);
        Assert.True(errors.Any(e => e.Path == path), $"Expected an error at {path}; got: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}");
    }

    [Fact]
    public void Valid_DefinitionPasses() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("3f2a9c0d1e4b5a67")] // Studio 3.8
    [InlineData("0f3c5d1e-2b4a-4c6d-8e9f-a1b2c3d4e5f6")]
    [InlineData("stabilization")]
    [InlineData("Workflow1:flow:start")]
    public void LegitimateIds_Pass(string id)
    {
        var json = Valid();
        json["definitionId"] = id;
        json["root"]!["activities"]![0]!["id"] = id;
        Assert.Empty(Errors(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading-space")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("trailing-newline\n")]
    [InlineData("rtl\u202Eevil")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("caf\u00E9")]
    public void DefinitionId_OutsideThePattern_IsRefused(string id)
    {
        var json = Valid();
        json["definitionId"] = id;
        AssertRefusedAt(json, "$.definitionId");
    }

    [Fact]
    public void DefinitionId_OfOneHundredThousandCharacters_IsRefused()
    {
        var json = Valid();
        json["definitionId"] = new string('a', 100_000);
        AssertRefusedAt(json, "$.definitionId");
    }

    [Fact]
    public void DefinitionId_OfTheMaximumLength_Passes()
    {
        var json = Valid();
        json["definitionId"] = new string('a', DefinitionTextRules.MaxIdLength);
        Assert.Empty(Errors(json));
    }

    [Fact]
    public void ActivityAndVariableIds_OutsideThePattern_AreRefused()
    {
        var json = Valid();
        json["root"]!["activities"]![0]!["id"] = "a b";
        json["variables"]![1]!["id"] = new string('v', 129);
        AssertRefusedAt(json, "$.root.activities[0].id");
        AssertRefusedAt(json, "$.variables[1].id");
    }

    [Theory]
    [InlineData("bidi \u202E override")]
    [InlineData("isolate \u2067 here")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("joiner\u200Dhere")]
    [InlineData("bom\uFEFFhere")]
    [InlineData("bell\u0007")]
    [InlineData("line\nbreak")]
    [InlineData("c1\u0085control")]
    [InlineData("nul\u0000here")]
    public void Name_WithControlBidiOrInvisibleCharacters_IsRefused(string name)
    {
        var json = Valid();
        json["name"] = name;
        AssertRefusedAt(json, "$.name");
    }

    [Fact]
    public void Name_OfNearlyTwoMegabytes_IsRefused()
    {
        var json = Valid();
        json["name"] = new string('n', 1_900_000);
        AssertRefusedAt(json, "$.name");
    }

    [Fact]
    public void Names_OfActivitiesAndVariables_FollowTheSameRules()
    {
        var json = Valid();
        json["root"]!["activities"]![0]!["name"] = "Write\u202Eline";
        json["variables"]![0]!["name"] = new string('x', DefinitionTextRules.MaxNameLength + 1);
        AssertRefusedAt(json, "$.root.activities[0].name");
        AssertRefusedAt(json, "$.variables[0].name");
    }

    [Fact]
    public void Description_MayHoldLineBreaks_ButNotBidiOrOverLength()
    {
        var json = Valid();
        json["description"] = "First line.\r\n\tSecond line.";
        Assert.Empty(Errors(json));
        json["description"] = "x\u202Ey";
        AssertRefusedAt(json, "$.description");
        json["description"] = new string('d', DefinitionTextRules.MaxDescriptionLength + 1);
        AssertRefusedAt(json, "$.description");
    }

    [Fact]
    public void Nul_AnywhereInTheDocument_IsRefusedAtItsPath()
    {
        var json = Valid();
        json["root"]!["activities"]![0]!["text"]!["expression"]!["value"] = "before\u0000after";
        AssertRefusedAt(json, "$.root.activities[0].text.expression.value");
    }

    [Fact]
    public void DuplicateVariableNames_AreRefused_IgnoringCase()
    {
        var json = Valid();
        json["variables"]!.AsArray().Add(Defs.Variable("v3", "Count", "Int32", "1"));
        AssertRefusedAt(json, "$.variables[2].name");

        json = Valid();
        json["variables"]!.AsArray().Add(Defs.Variable("v3", "count", "Int32", "1"));
        AssertRefusedAt(json, "$.variables[2].name");
    }

    [Fact]
    public void DuplicateVariableIds_AreRefused()
    {
        var json = Valid();
        json["variables"]!.AsArray().Add(Defs.Variable("v1", "Other", "Int32", "1"));
        AssertRefusedAt(json, "$.variables[2].id");
    }

    [Fact]
    public void DuplicateVariableNames_AcrossWorkflowAndFlowchart_AreRefused()
    {
        var json = Valid();
        json["root"]!["variables"] = new JsonArray(Defs.Variable("v9", "NAME", "String", null));
        AssertRefusedAt(json, "$.root.variables[0].name");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("description")]
    public void WrongTypedText_IsRefused(string field)
    {
        var json = Valid();
        json[field] = new JsonObject { ["text"] = "x" };
        AssertRefusedAt(json, "$." + field);
        json[field] = 42;
        AssertRefusedAt(json, "$." + field);
    }

    [Fact]
    public void WrongTypedVariableName_IsRefused()
    {
        var json = Valid();
        json["variables"]![0]!["name"] = 7;
        AssertRefusedAt(json, "$.variables[0].name");
    }

    [Fact]
    public void Version_AsAString_IsRefused()
    {
        var json = Valid();
        json["version"] = "2";
        AssertRefusedAt(json, "$.version");
    }

    [Fact]
    public void RepositoryWorkflows_FollowTheRules()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "RepositoryWorkflows");
        var files = Directory.GetFiles(folder, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files.Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ElsaCorpus"), "*.json")))
        {
            var json = WorkflowDefinitionParser.Parse(File.ReadAllBytes(file)).Json;
            Assert.True(DefinitionTextRules.Check(json).Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", DefinitionTextRules.Check(json).Select(e => $"{e.Path}: {e.Message}"))}");
        }
    }
}

/// <summary>The engine's own save path (used by seeding and the runtime): ids are validated as sent, never replaced.</summary>
public sealed class EngineDefinitionSaveTests
{
    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    public async Task Save_WithABlankDefinitionId_IsRefused_NotGivenANewId(string blank)
    {
        var store = new InMemoryDefinitionStore();
        var service = new CareFlow.Workflows.Management.WorkflowDefinitionService(store, new ActivityCatalogue(), TimeProvider.System);
        var model = Defs.Workflow([Defs.WriteLine("a", "A")], []);
        model["definitionId"] = blank;
        var error = await Assert.ThrowsAsync<DefinitionException>(() => service.SaveAsync(model, publish: true, new ValidationOptions(), TestContext.Current.CancellationToken));
        Assert.Contains(error.Errors, e => e.Path == "$.definitionId");
    }
}
