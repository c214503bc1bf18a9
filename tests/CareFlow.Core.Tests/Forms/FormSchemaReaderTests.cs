using System.Text.Json.Nodes;
using CareFlow.Core.Forms;

namespace CareFlow.Core.Tests.Forms;

public sealed class FormSchemaReaderTests
{
    private static FormSchemaReadResult Read(string json) => FormSchemaReader.Read(JsonNode.Parse(json));

    private static FormSchemaReadResult ReadComponents(string components) =>
        Read($$"""{ "id": "test-form", "name": "Test", "components": [{{components}}] }""");

    private static void AssertProblem(FormSchemaReadResult result, string path, string containing)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Schema);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(containing, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Read_ReturnsEveryFieldType_WhenSchemaIsFormJs()
    {
        var result = Read("""
        {
          "type": "default", "id": "check-in", "name": "Check-in", "schemaVersion": 18,
          "exporter": { "name": "form-js", "version": "1.23.0" },
          "components": [
            { "type": "text", "id": "intro", "text": "# Check-in" },
            { "type": "textfield", "id": "f1", "key": "summary", "label": "Summary", "validate": { "required": true, "minLength": 2, "maxLength": 80, "pattern": "^[A-Z]" } },
            { "type": "textarea", "id": "f2", "key": "notes", "label": "Notes", "description": "What was discussed" },
            { "type": "number", "id": "f3", "key": "score", "label": "Score", "decimalDigits": 0, "validate": { "min": 1, "max": 10 } },
            { "type": "checkbox", "id": "f4", "key": "stable", "label": "Stable" },
            { "type": "checklist", "id": "f5", "key": "topics", "label": "Topics", "values": [ { "label": "Housing", "value": "housing" }, { "label": "Food", "value": "food" } ] },
            { "type": "radio", "id": "f6", "key": "held", "label": "Held?", "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ] },
            { "type": "select", "id": "f7", "key": "service", "label": "Service", "valuesKey": "services" },
            { "type": "datetime", "id": "f8", "key": "when", "subtype": "date", "dateLabel": "Date of check-in" },
            { "type": "spacer", "id": "s1" },
            { "type": "separator", "id": "s2" },
            { "type": "group", "id": "g1", "label": "Contact", "components": [
              { "type": "textfield", "id": "f9", "key": "email", "label": "Email", "validate": { "validationType": "email" } }
            ] }
          ]
        }
        """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        var schema = result.Schema!;
        Assert.Equal("check-in", schema.Id);
        Assert.Equal("Check-in", schema.Name);
        Assert.Equal(["summary", "notes", "score", "stable", "topics", "held", "service", "when", "email"], schema.InputFields().Select(f => f.Key));
        var summary = schema.InputFields().First();
        Assert.Equal(new FormFieldRules(Required: true, MinLength: 2, MaxLength: 80, Pattern: "^[A-Z]"), summary.Rules);
        var score = schema.InputFields().Single(f => f.Key == "score");
        Assert.Equal(1m, score.Rules.Min);
        Assert.Equal(10m, score.Rules.Max);
        Assert.Equal([new FormOption("Yes", "yes"), new FormOption("No", "no")], schema.InputFields().Single(f => f.Key == "held").Values);
        Assert.Equal("services", schema.InputFields().Single(f => f.Key == "service").ValuesKey);
        var when = schema.InputFields().Single(f => f.Key == "when");
        Assert.Equal("date", when.DateTimeSubtype);
        Assert.Equal("Date of check-in", when.Label);
        Assert.Equal("group", schema.Components[^1].Type);
        Assert.Null(schema.Components[^1].Key);
        Assert.Equal("email", schema.Components[^1].Components[0].Rules.ValidationType);
        Assert.Equal("# Check-in", schema.Components[0].Text);
    }

    [Fact]
    public void Read_DefaultsDateSubtypeAndIgnoresKeyOnStaticText()
    {
        var result = ReadComponents("""{ "type": "datetime", "key": "on" }, { "type": "text", "key": "ignored", "text": "Hi" }""");
        Assert.True(result.IsValid);
        Assert.Equal("date", result.Schema!.Components[0].DateTimeSubtype);
        Assert.Equal(["on"], result.Schema.InputFields().Select(f => f.Key));
    }

    [Theory]
    [InlineData("[]", "$", "JSON object")]
    [InlineData("\"form\"", "$", "JSON object")]
    [InlineData("""{ "name": "x", "components": [] }""", "$.id", "required")]
    [InlineData("""{ "id": 7, "components": [] }""", "$.id", "string")]
    [InlineData("""{ "id": "Bad Id", "components": [] }""", "$.id", "lower-case")]
    [InlineData("""{ "id": "-starts-with-hyphen", "components": [] }""", "$.id", "lower-case")]
    [InlineData("""{ "id": "ok", "name": ["x"], "components": [] }""", "$.name", "string")]
    [InlineData("""{ "id": "ok" }""", "$.components", "components")]
    [InlineData("""{ "id": "ok", "components": {} }""", "$.components", "array")]
    [InlineData("""{ "id": "ok", "type": "wizard", "components": [] }""", "$.type", "default")]
    public void Read_NamesPath_WhenRootIsWrong(string json, string path, string containing) => AssertProblem(Read(json), path, containing);

    /// <summary>The form-js editor's properties panel writes length and number bounds as text ("10"); they are read as numbers.</summary>
    [Fact]
    public void Read_AcceptsBoundsWrittenAsTextByTheEditor()
    {
        var result = ReadComponents("""{ "type": "textfield", "key": "a", "validate": { "minLength": "2", "maxLength": "10" } }, { "type": "number", "key": "n", "validate": { "min": "1", "max": "5.5" } }""");

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var fields = result.Schema!.InputFields().ToList();
        Assert.Equal((2, 10), (fields[0].Rules.MinLength, fields[0].Rules.MaxLength));
        Assert.Equal((1m, 5.5m), (fields[1].Rules.Min, fields[1].Rules.Max));
    }

    [Theory]
    [InlineData("\"ten\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"1e3\"")]
    public void Read_RefusesLengthsThatAreNotWholeNumbers_EvenAsText(string value) =>
        AssertProblem(ReadComponents($$"""{ "type": "textfield", "key": "a", "validate": { "maxLength": {{value}} } }"""), "$.components[0].validate.maxLength", "whole number");

    [Fact]
    public void Read_RefusesNull() => Assert.Equal("$", Assert.Single(FormSchemaReader.Read(null).Problems).Path);

    [Theory]
    [InlineData("""{ "type": "filepicker", "key": "f" }""", "$.components[0].type", "unknown field type 'filepicker'")]
    [InlineData("""{ "type": "dynamiclist", "key": "f" }""", "$.components[0].type", "unknown field type 'dynamiclist'")]
    [InlineData("""{ "key": "f" }""", "$.components[0].type", "required")]
    [InlineData("""{ "type": 3, "key": "f" }""", "$.components[0].type", "string")]
    [InlineData("\"textfield\"", "$.components[0]", "object")]
    [InlineData("null", "$.components[0]", "object")]
    [InlineData("""{ "type": "textfield" }""", "$.components[0].key", "required")]
    [InlineData("""{ "type": "textfield", "key": "" }""", "$.components[0].key", "empty")]
    [InlineData("""{ "type": "textfield", "key": "a.b" }""", "$.components[0].key", "letter")]
    [InlineData("""{ "type": "textfield", "key": "1abc" }""", "$.components[0].key", "letter")]
    [InlineData("""{ "type": "textfield", "key": {"a":1} }""", "$.components[0].key", "string")]
    [InlineData("""{ "type": "textfield", "key": "a", "label": 12 }""", "$.components[0].label", "string")]
    [InlineData("""{ "type": "textfield", "key": "a", "label": "bad\u0000label" }""", "$.components[0].label", "control")]
    [InlineData("""{ "type": "textfield", "key": "a", "id": true }""", "$.components[0].id", "string")]
    [InlineData("""{ "type": "textfield", "key": "a", "description": "a\u2066b" }""", "$.components[0].description", "control")]
    [InlineData("""{ "type": "textfield", "key": "a", "label": "a\udc00" }""", "$.components[0].label", "control")]
    [InlineData("""{ "type": "textfield", "key": "a", "conditional": { "hide": "=x" } }""", "$.components[0].conditional.hide", "not supported")]
    public void Read_NamesComponentPath_WhenComponentIsWrong(string component, string path, string containing) =>
        AssertProblem(ReadComponents(component), path, containing);

    [Fact]
    public void Read_RefusesLabelsOver500Characters() =>
        AssertProblem(ReadComponents($$"""{ "type": "textfield", "key": "a", "label": "{{new string('x', 501)}}" }"""), "$.components[0].label", "500");

    [Fact]
    public void Read_RefusesDuplicateKey_AcrossGroups() =>
        AssertProblem(ReadComponents("""
            { "type": "textfield", "key": "name" },
            { "type": "group", "components": [ { "type": "textarea", "key": "name" } ] }
            """), "$.components[1].components[0].key", "'name' is used twice");

    [Fact]
    public void Read_RefusesDuplicateComponentId() =>
        AssertProblem(ReadComponents("""{ "type": "textfield", "id": "x", "key": "a" }, { "type": "text", "id": "x", "text": "t" }"""),
            "$.components[1].id", "'x' is used twice");

    [Theory]
    [InlineData("""{ "required": "yes" }""", "$.components[0].validate.required", "true or false")]
    [InlineData("""{ "min": 10, "max": 1 }""", "$.components[0].validate.min", "greater than")]
    [InlineData("""{ "min": "one" }""", "$.components[0].validate.min", "number")]
    [InlineData("""{ "max": [] }""", "$.components[0].validate.max", "number")]
    [InlineData("""{ "minLength": -1 }""", "$.components[0].validate.minLength", "0 or more")]
    [InlineData("""{ "maxLength": 2.5 }""", "$.components[0].validate.maxLength", "whole number")]
    [InlineData("""{ "maxLength": "ten" }""", "$.components[0].validate.maxLength", "whole number")]
    [InlineData("""{ "minLength": 5, "maxLength": 2 }""", "$.components[0].validate.minLength", "greater than")]
    [InlineData("""{ "pattern": "([a-z" }""", "$.components[0].validate.pattern", "not a valid regular expression")]
    [InlineData("""{ "pattern": 5 }""", "$.components[0].validate.pattern", "string")]
    [InlineData("""{ "validationType": "url" }""", "$.components[0].validate.validationType", "email")]
    public void Read_NamesRulePath_WhenRuleIsBroken(string validate, string path, string containing) =>
        AssertProblem(ReadComponents($$"""{ "type": "textfield", "key": "a", "validate": {{validate}} }"""), path, containing);

    [Fact]
    public void Read_RefusesValidateThatIsNotAnObject() =>
        AssertProblem(ReadComponents("""{ "type": "number", "key": "a", "validate": [1] }"""), "$.components[0].validate", "object");

    [Fact]
    public void Read_RefusesPatternOver500Characters() =>
        AssertProblem(ReadComponents($$"""{ "type": "textfield", "key": "a", "validate": { "pattern": "{{new string('a', 501)}}" } }"""),
            "$.components[0].validate.pattern", "500");

    [Fact]
    public void Read_AcceptsClearedBoundsAsAbsent()
    {
        var result = ReadComponents("""{ "type": "number", "key": "a", "validate": { "min": "", "max": 5, "validationType": "" } }""");
        Assert.True(result.IsValid);
        Assert.Null(result.Schema!.Components[0].Rules.Min);
        Assert.Equal(5m, result.Schema.Components[0].Rules.Max);
    }

    [Theory]
    [InlineData("radio", """ "values": [] """, "$.components[0].values", "at least one")]
    [InlineData("select", "", "$.components[0].values", "options")]
    [InlineData("checklist", """ "values": {} """, "$.components[0].values", "array")]
    [InlineData("radio", """ "values": [ "yes" ] """, "$.components[0].values[0]", "object")]
    [InlineData("radio", """ "values": [ { "label": "Yes" } ] """, "$.components[0].values[0].value", "required")]
    [InlineData("radio", """ "values": [ { "label": "Yes", "value": 1 } ] """, "$.components[0].values[0].value", "string")]
    [InlineData("radio", """ "values": [ { "label": "Yes", "value": "y" }, { "label": "Yeah", "value": "y" } ] """, "$.components[0].values[1].value", "used twice")]
    [InlineData("select", """ "valuesKey": "bad key" """, "$.components[0].valuesKey", "letter")]
    [InlineData("select", """ "valuesKey": "services", "values": [ { "label": "A", "value": "a" } ] """, "$.components[0].values", "not both")]
    [InlineData("select", """ "valuesExpression": "=services" """, "$.components[0].valuesExpression", "not supported")]
    public void Read_NamesOptionPath_WhenOptionsAreWrong(string type, string options, string path, string containing) =>
        AssertProblem(ReadComponents($$"""{ "type": "{{type}}", "key": "a"{{(options.Length > 0 ? "," : "")}} {{options}} }"""), path, containing);

    [Theory]
    [InlineData("""{ "type": "datetime", "key": "a", "subtype": "week" }""", "$.components[0].subtype", "'date', 'time' or 'datetime'")]
    [InlineData("""{ "type": "number", "key": "a", "decimalDigits": -1 }""", "$.components[0].decimalDigits", "0 to 20")]
    [InlineData("""{ "type": "number", "key": "a", "decimalDigits": "two" }""", "$.components[0].decimalDigits", "0 to 20")]
    [InlineData("""{ "type": "group", "components": "none" }""", "$.components[0].components", "array")]
    [InlineData("""{ "type": "group", "path": "contact", "components": [] }""", "$.components[0].path", "not supported")]
    public void Read_NamesPath_WhenTypeSpecificPropertyIsWrong(string component, string path, string containing) =>
        AssertProblem(ReadComponents(component), path, containing);

    [Fact]
    public void Read_AllowsGroupsEightDeep_RefusesNine()
    {
        static string Nest(int depth) => depth == 0
            ? """{ "type": "textfield", "key": "deep" }"""
            : $$"""{ "type": "group", "components": [ {{Nest(depth - 1)}} ] }""";

        Assert.True(ReadComponents(Nest(8)).IsValid);
        var path = "$.components[0]" + string.Concat(Enumerable.Repeat(".components[0]", 8)) + ".components";
        AssertProblem(ReadComponents(Nest(9)), path, "nest");
    }

    [Fact]
    public void Read_DoesNotOverflowTheStack_OnVeryDeepNesting()
    {
        var json = string.Concat(Enumerable.Repeat("""{ "type": "group", "components": [""", 60)) + string.Concat(Enumerable.Repeat("]}", 60));
        var node = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 200 });
        var result = FormSchemaReader.Read(new JsonObject { ["id"] = "deep", ["components"] = new JsonArray(node) });
        Assert.False(result.IsValid);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Read_AllowsFiveHundredComponents_RefusesMore()
    {
        static string Many(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{ "type": "text", "text": "t{{i}}" }"""));

        Assert.True(ReadComponents(Many(500)).IsValid);
        AssertProblem(ReadComponents(Many(501)), "$.components[500]", "at most 500");
    }

    [Fact]
    public void Read_ReportsEveryProblem_NotOnlyTheFirst()
    {
        var result = ReadComponents("""
            { "type": "filepicker", "key": "f" },
            { "type": "textfield", "key": "a", "validate": { "min": 3, "max": 1 } },
            { "type": "textfield", "key": "a" }
            """);
        Assert.Equal(["$.components[0].type", "$.components[1].validate.min", "$.components[2].key"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Read_DoesNotChangeOrKeepTheCallersJson()
    {
        var node = JsonNode.Parse("""{ "id": "f", "components": [ { "type": "textfield", "key": "a" } ] }""")!;
        var result = FormSchemaReader.Read(node);
        Assert.NotSame(node, result.Schema!.Raw);
        Assert.Equal(node.ToJsonString(), result.Schema.Raw.ToJsonString());
    }
}
