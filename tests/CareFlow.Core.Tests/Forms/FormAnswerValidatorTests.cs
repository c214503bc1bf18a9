using System.Text.Json.Nodes;
using CareFlow.Core.Forms;

namespace CareFlow.Core.Tests.Forms;

public sealed class FormAnswerValidatorTests
{
    private static FormSchema Form(string components)
    {
        var result = FormSchemaReader.Read(JsonNode.Parse($$"""{ "id": "test-form", "components": [{{components}}] }"""));
        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return result.Schema!;
    }

    private static FormAnswerCheck Check(string components, string answers, IReadOnlyDictionary<string, IReadOnlyList<FormOption>>? dynamicOptions = null) =>
        FormAnswerValidator.Validate(Form(components), JsonNode.Parse(answers)!.AsObject(), dynamicOptions);

    private static void AssertValid(FormAnswerCheck check, string key, string expectedJson)
    {
        Assert.True(check.IsValid, string.Join("; ", check.Problems.Select(p => $"{p.Path}: {p.Message}")));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), check.Answers[key]), $"{key}: expected {expectedJson}, got {check.Answers[key]?.ToJsonString()}");
    }

    private static void AssertProblem(FormAnswerCheck check, string key, string message)
    {
        var problem = Assert.Single(check.Problems);
        Assert.Equal(key, problem.Path);
        Assert.Equal(message, problem.Message);
        Assert.False(check.Answers.ContainsKey(key));
    }

    // Text fields

    private const string Summary = """{ "type": "textfield", "key": "summary", "validate": { "required": true, "minLength": 2, "maxLength": 5 } }""";

    [Fact]
    public void Validate_KeepsText_WhenWithinRules() => AssertValid(Check(Summary, """{ "summary": "abc" }"""), "summary", "\"abc\"");

    [Theory]
    [InlineData("""{ }""", "This field is required.")]
    [InlineData("""{ "summary": null }""", "This field is required.")]
    [InlineData("""{ "summary": "   " }""", "This field is required.")]
    [InlineData("""{ "summary": "a" }""", "Enter between 2 and 5 characters.")]
    [InlineData("""{ "summary": "abcdef" }""", "Enter between 2 and 5 characters.")]
    [InlineData("""{ "summary": 12 }""", "Enter text.")]
    [InlineData("""{ "summary": ["ab"] }""", "Enter text.")]
    [InlineData("""{ "summary": "a\u0000b" }""", "Remove the control characters from this text.")]
    [InlineData("""{ "summary": "a\u001bb" }""", "Remove the control characters from this text.")]
    [InlineData("""{ "summary": "a\ud800b" }""", "Remove the control characters from this text.")]
    [InlineData("""{ "summary": "a\u202eb" }""", "Remove the control characters from this text.")]
    [InlineData("""{ "summary": "a\u0085b" }""", "Remove the control characters from this text.")]
    [InlineData("""{ "summary": "a\nb" }""", "Enter this on one line.")]
    public void Validate_NamesKey_WhenTextBreaksRules(string answers, string message) => AssertProblem(Check(Summary, answers), "summary", message);

    [Fact]
    public void Validate_AllowsLineBreaksInTextArea() =>
        AssertValid(Check("""{ "type": "textarea", "key": "note" }""", """{ "note": "line one\r\nline two\ttab" }"""), "note", "\"line one\\r\\nline two\\ttab\"");

    [Fact]
    public void Validate_CapsTextWithoutMaxLength()
    {
        var form = """{ "type": "textfield", "key": "t" }""";
        AssertValid(Check(form, $$"""{ "t": "{{new string('a', 1000)}}" }"""), "t", $"\"{new string('a', 1000)}\"");
        AssertProblem(Check(form, $$"""{ "t": "{{new string('a', 1001)}}" }"""), "t", "Enter at most 1000 characters.");
    }

    [Fact]
    public void Validate_TextAreaMaxLength() =>
        AssertProblem(Check("""{ "type": "textarea", "key": "note", "validate": { "maxLength": 2000 } }""", $$"""{ "note": "{{new string('x', 2001)}}" }"""),
            "note", "Enter at most 2000 characters.");

    [Fact]
    public void Validate_TextMinLengthOnly() =>
        AssertProblem(Check("""{ "type": "textarea", "key": "note", "validate": { "minLength": 3 } }""", """{ "note": "ab" }"""), "note", "Enter at least 3 characters.");

    [Fact]
    public void Validate_OmitsOptionalBlankText()
    {
        var check = Check("""{ "type": "textfield", "key": "t" }""", """{ "t": "" }""");
        Assert.True(check.IsValid);
        Assert.False(check.Answers.ContainsKey("t"));
    }

    [Theory]
    [InlineData("AB-123", true)]
    [InlineData("ab-123", false)]
    [InlineData("x AB-123", true)]
    public void Validate_Pattern_MatchesAnywhereLikeFormJs(string value, bool valid)
    {
        var check = Check("""{ "type": "textfield", "key": "code", "validate": { "pattern": "[A-Z]{2}-\\d+" } }""", $$"""{ "code": "{{value}}" }""");
        if (valid) AssertValid(check, "code", $"\"{value}\"");
        else AssertProblem(check, "code", "Enter this in the expected format.");
    }

    [Fact]
    public void Validate_Pattern_RefusesAnswerThatTimesOut()
    {
        var check = Check("""{ "type": "textfield", "key": "t", "validate": { "pattern": "^(a+)+$", "maxLength": 1000 } }""",
            $$"""{ "t": "{{new string('a', 40)}}!" }""");
        AssertProblem(check, "t", "This could not be checked against the expected format; shorten it or check it.");
    }

    [Theory]
    [InlineData("name@example.org", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("name@example", false)]
    [InlineData("name example.org", false)]
    [InlineData("@example.org", false)]
    public void Validate_Email(string value, bool valid)
    {
        var check = Check("""{ "type": "textfield", "key": "email", "validate": { "validationType": "email" } }""", $$"""{ "email": "{{value}}" }""");
        if (valid) AssertValid(check, "email", $"\"{value}\"");
        else AssertProblem(check, "email", "Enter an email address, like name@example.org.");
    }

    [Theory]
    [InlineData("+1 555 123 4567", true)]
    [InlineData("0044 20 7946 0958", true)]
    [InlineData("+49-30-1234567", true)]
    [InlineData("555 1234", false)]
    [InlineData("+1 call me", false)]
    public void Validate_Phone(string value, bool valid)
    {
        var check = Check("""{ "type": "textfield", "key": "phone", "validate": { "validationType": "phone" } }""", $$"""{ "phone": "{{value}}" }""");
        if (valid) AssertValid(check, "phone", $"\"{value}\"");
        else AssertProblem(check, "phone", "Enter a phone number with its country code, like +1 555 123 4567.");
    }

    // Numbers

    private const string Score = """{ "type": "number", "key": "score", "validate": { "required": true, "min": 1, "max": 10 } }""";

    [Theory]
    [InlineData("""{ "score": 7 }""", "7")]
    [InlineData("""{ "score": "7" }""", "7")]
    [InlineData("""{ "score": " 2.5 " }""", "2.5")]
    [InlineData("""{ "score": 10 }""", "10")]
    [InlineData("""{ "score": 1 }""", "1")]
    public void Validate_KeepsNumber_AsNumber(string answers, string expected) => AssertValid(Check(Score, answers), "score", expected);

    [Theory]
    [InlineData("""{ "score": 0 }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": 10.5 }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": "ten" }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": true }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": {} }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": 1e400 }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ "score": "NaN" }""", "Enter a number between 1 and 10.")]
    [InlineData("""{ }""", "This field is required.")]
    public void Validate_NamesKey_WhenNumberBreaksRules(string answers, string message) => AssertProblem(Check(Score, answers), "score", message);

    [Fact]
    public void Validate_NumberMinOnlyAndMaxOnly()
    {
        AssertProblem(Check("""{ "type": "number", "key": "n", "validate": { "min": 0 } }""", """{ "n": -1 }"""), "n", "Enter a number of at least 0.");
        AssertProblem(Check("""{ "type": "number", "key": "n", "validate": { "max": 2.5 } }""", """{ "n": 3 }"""), "n", "Enter a number of at most 2.5.");
        AssertProblem(Check("""{ "type": "number", "key": "n" }""", """{ "n": "x" }"""), "n", "Enter a number.");
    }

    [Fact]
    public void Validate_NumberDecimalDigits()
    {
        AssertValid(Check("""{ "type": "number", "key": "n", "decimalDigits": 2 }""", """{ "n": 1.25 }"""), "n", "1.25");
        AssertProblem(Check("""{ "type": "number", "key": "n", "decimalDigits": 2 }""", """{ "n": 1.255 }"""), "n", "Enter a number with at most 2 decimal places.");
        AssertProblem(Check("""{ "type": "number", "key": "n", "decimalDigits": 0 }""", """{ "n": "3.5" }"""), "n", "Enter a whole number.");
    }

    [Fact]
    public void Validate_NumberSerializedToString_WhenFormSaysSo() =>
        AssertValid(Check("""{ "type": "number", "key": "n", "serializeToString": true }""", """{ "n": 4.5 }"""), "n", "\"4.5\"");

    // Checkboxes

    [Theory]
    [InlineData("""{ "ok": true }""", "true")]
    [InlineData("""{ "ok": false }""", "false")]
    public void Validate_KeepsCheckbox(string answers, string expected) =>
        AssertValid(Check("""{ "type": "checkbox", "key": "ok" }""", answers), "ok", expected);

    [Theory]
    [InlineData("""{ "type": "checkbox", "key": "ok" }""", """{ "ok": "yes" }""", "Tick the box or leave it empty.")]
    [InlineData("""{ "type": "checkbox", "key": "ok" }""", """{ "ok": 1 }""", "Tick the box or leave it empty.")]
    [InlineData("""{ "type": "checkbox", "key": "ok", "validate": { "required": true } }""", """{ "ok": false }""", "Tick this box to continue.")]
    [InlineData("""{ "type": "checkbox", "key": "ok", "validate": { "required": true } }""", """{ }""", "Tick this box to continue.")]
    public void Validate_NamesKey_WhenCheckboxIsWrong(string form, string answers, string message) => AssertProblem(Check(form, answers), "ok", message);

    // Options

    private const string Options = """ "values": [ { "label": "Housing", "value": "housing" }, { "label": "Food", "value": "food" }, { "label": "Two", "value": "2" } ] """;

    [Theory]
    [InlineData("""{ "needs": ["food", "housing", "food"] }""", """["food","housing"]""")]
    [InlineData("""{ "needs": [2] }""", """["2"]""")]
    public void Validate_KeepsChecklist_OfKnownValues(string answers, string expected) =>
        AssertValid(Check($$"""{ "type": "checklist", "key": "needs", {{Options}} }""", answers), "needs", expected);

    [Theory]
    [InlineData("""{ "needs": ["transport"] }""", "Choose only from the options shown.")]
    [InlineData("""{ "needs": "food" }""", "Choose from the options.")]
    [InlineData("""{ "needs": [null] }""", "Choose only from the options shown.")]
    [InlineData("""{ "needs": [["food"]] }""", "Choose only from the options shown.")]
    [InlineData("""{ "needs": [] }""", "Choose at least one option.")]
    public void Validate_NamesKey_WhenChecklistIsWrong(string answers, string message) =>
        AssertProblem(Check($$"""{ "type": "checklist", "key": "needs", "validate": { "required": true }, {{Options}} }""", answers), "needs", message);

    [Theory]
    [InlineData("radio")]
    [InlineData("select")]
    public void Validate_ChoiceMustBeAKnownOption(string type)
    {
        var form = $$"""{ "type": "{{type}}", "key": "need", "validate": { "required": true }, {{Options}} }""";
        AssertValid(Check(form, """{ "need": "food" }"""), "need", "\"food\"");
        AssertProblem(Check(form, """{ "need": "Food" }"""), "need", "Choose one of the options shown.");
        AssertProblem(Check(form, """{ "need": ["food"] }"""), "need", "Choose one of the options shown.");
        AssertProblem(Check(form, """{ }"""), "need", "Choose an option.");
    }

    [Fact]
    public void Validate_DynamicOptions_ComeFromTheirValuesKey()
    {
        var form = """{ "type": "select", "key": "service", "valuesKey": "services" }""";
        var services = new Dictionary<string, IReadOnlyList<FormOption>> { ["services"] = [new FormOption("Food bank", "svc-1")] };
        AssertValid(Check(form, """{ "service": "svc-1" }""", services), "service", "\"svc-1\"");
        AssertProblem(Check(form, """{ "service": "svc-2" }""", services), "service", "Choose one of the options shown.");
        AssertProblem(Check(form, """{ "service": "svc-1" }"""), "service", "Choose one of the options shown.");
    }

    // Dates and times

    [Theory]
    [InlineData("date", "2026-03-31", true)]
    [InlineData("date", "2026-02-30", false)]
    [InlineData("date", "31/03/2026", false)]
    [InlineData("date", "2026-03-31T10:00", false)]
    [InlineData("time", "14:30", true)]
    [InlineData("time", "14:30+02:00", true)]
    [InlineData("time", "14:30Z", true)]
    [InlineData("time", "24:00", false)]
    [InlineData("time", "2:30 pm", false)]
    [InlineData("datetime", "2026-03-31T14:30", true)]
    [InlineData("datetime", "2026-03-31T14:30:15Z", true)]
    [InlineData("datetime", "2026-03-31T14:30:00.123+01:00", true)]
    [InlineData("datetime", "2026-03-31", false)]
    [InlineData("datetime", "tomorrow", false)]
    public void Validate_DateTimeFormats(string subtype, string value, bool valid)
    {
        var check = Check($$"""{ "type": "datetime", "key": "when", "subtype": "{{subtype}}" }""", $$"""{ "when": "{{value}}" }""");
        if (valid) AssertValid(check, "when", $"\"{value}\"");
        else Assert.Equal("when", Assert.Single(check.Problems).Path);
    }

    [Fact]
    public void Validate_DateMessage() =>
        AssertProblem(Check("""{ "type": "datetime", "key": "when" }""", """{ "when": 20260331 }"""), "when", "Enter a date as YYYY-MM-DD, like 2026-03-31.");

    // The form as a whole

    [Fact]
    public void Validate_DropsUnknownKeys_AndKeepsGroupedFields()
    {
        var check = Check("""
            { "type": "text", "text": "Hello" },
            { "type": "group", "components": [ { "type": "textfield", "key": "inner" } ] }
            """, """{ "inner": "x", "extra": "dropped", "__proto__": { "a": 1 } }""");
        Assert.True(check.IsValid);
        Assert.Equal("""{"inner":"x"}""", check.Answers.ToJsonString());
    }

    [Fact]
    public void Validate_ReportsEveryBrokenField()
    {
        var check = Check($$"""{{Summary}}, {{Score}}, { "type": "textfield", "key": "fine" }""", """{ "score": 11, "fine": "ok" }""");
        Assert.Equal(["summary", "score"], check.Problems.Select(p => p.Path));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"fine":"ok"}"""), check.Answers));
    }

    [Fact]
    public void Validate_NullAnswers_AreNoAnswers()
    {
        var check = FormAnswerValidator.Validate(Form(Summary), null);
        Assert.Equal("summary", Assert.Single(check.Problems).Path);
    }

    // Posted HTML forms

    private static Dictionary<string, IReadOnlyList<string>> Posted(params (string Key, string[] Values)[] values) =>
        values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Values);

    [Fact]
    public void FromFormPost_ConvertsEachFieldType()
    {
        var schema = Form($$"""
            { "type": "textfield", "key": "name" },
            { "type": "number", "key": "age" },
            { "type": "number", "key": "bad" },
            { "type": "checkbox", "key": "ticked" },
            { "type": "checkbox", "key": "unticked" },
            { "type": "checklist", "key": "needs", {{Options}} },
            { "type": "radio", "key": "held", {{Options}} },
            { "type": "datetime", "key": "when" },
            { "type": "textarea", "key": "empty" }
            """);
        var answers = FormAnswerValidator.FromFormPost(schema, Posted(
            ("name", ["Ana"]), ("age", [" 42 "]), ("bad", ["forty"]), ("ticked", ["true"]), ("needs", ["food", "housing", ""]),
            ("held", ["food"]), ("when", ["2026-03-31"]), ("empty", [""]), ("__RequestVerificationToken", ["token"])));

        Assert.Equal("""{"name":"Ana","age":42,"bad":"forty","ticked":true,"unticked":false,"needs":["food","housing"],"held":"food","when":"2026-03-31"}""",
            answers.ToJsonString());
        var check = FormAnswerValidator.Validate(schema, answers);
        Assert.Equal("bad", Assert.Single(check.Problems).Path);
    }

    [Fact]
    public void FromFormPost_CheckboxWithHiddenFalse_IsTrueOnlyWhenTicked()
    {
        var schema = Form("""{ "type": "checkbox", "key": "ok" }""");
        Assert.True(FormAnswerValidator.FromFormPost(schema, Posted(("ok", ["true", "false"])))["ok"]!.GetValue<bool>());
        Assert.False(FormAnswerValidator.FromFormPost(schema, Posted(("ok", ["false"])))["ok"]!.GetValue<bool>());
    }
}
