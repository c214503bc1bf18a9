using System.Text.Json.Nodes;
using CareFlow.Core.Forms;
using CsCheck;

namespace CareFlow.Core.Tests.Forms;

/// <summary>Any JSON at all, thrown at the reader and the validator: problems, never exceptions.</summary>
public sealed class FormHostileJsonTests
{
    private static readonly string[] Words =
    [
        "id", "name", "components", "type", "key", "label", "validate", "required", "min", "max", "minLength", "maxLength",
        "pattern", "validationType", "values", "value", "valuesKey", "subtype", "decimalDigits", "text", "group", "textfield",
        "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime", "date", "time", "email", "phone", "a", "b",
        "", " ", "\0", "\u001b", "\ud800", "(", "[a-", "(a+)+$", "2026-03-31", "14:30", "1e400", "-0", "NaN", "true", "spacer",
    ];

    private static readonly Gen<string> Word = Gen.Frequency((8, Gen.OneOf(Words)), (2, Gen.String));

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (1, Gen.Const((JsonNode?)null)),
        (2, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (3, Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.OneOf("1e400", "-1.5e-300", "123456789012345678901234567890").Select(n => JsonNode.Parse(n))),
        (6, Word.Select(s => (JsonNode?)JsonValue.Create(s))));

    private static Gen<JsonNode?> Node(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (3, Gen.Select(Word, Node(depth - 1)).Array[0, 6].Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (name, value) in pairs) obj[name] = value?.DeepClone();
                return (JsonNode?)obj;
            })),
            (2, Node(depth - 1).Array[0, 5].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))));

    /// <summary>A schema that is mostly right, with hostile values in its corners.</summary>
    private static readonly Gen<JsonNode?> SchemaLike =
        Gen.Select(Word, Node(2).Array[0, 4], Node(3), (type, extras, validate) =>
        {
            var component = new JsonObject { ["type"] = type, ["key"] = "k", ["validate"] = validate?.DeepClone() };
            var i = 0;
            foreach (var extra in extras) component[Words[i++ % Words.Length]] = extra?.DeepClone();
            return (JsonNode?)new JsonObject { ["id"] = "form", ["components"] = new JsonArray(component) };
        });

    private static readonly FormSchema EveryType = FormSchemaReader.Read(JsonNode.Parse("""
        {
          "id": "every-type",
          "components": [
            { "type": "textfield", "key": "a", "validate": { "required": true, "pattern": "^[a-z]+$", "validationType": "email" } },
            { "type": "textarea", "key": "b", "validate": { "minLength": 1, "maxLength": 5 } },
            { "type": "number", "key": "c", "decimalDigits": 1, "validate": { "min": -5, "max": 5 } },
            { "type": "checkbox", "key": "d", "validate": { "required": true } },
            { "type": "checklist", "key": "e", "values": [ { "label": "A", "value": "a" } ] },
            { "type": "radio", "key": "f", "values": [ { "label": "1", "value": "1" } ] },
            { "type": "select", "key": "g", "valuesKey": "services" },
            { "type": "datetime", "key": "h", "subtype": "datetime" },
            { "type": "datetime", "key": "i", "subtype": "time" },
            { "type": "group", "components": [ { "type": "datetime", "key": "j" } ] }
          ]
        }
        """))!.Schema!;

    private static readonly string[] Keys = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "z"];

    [Fact]
    public void Read_NeverThrows_OnAnyJson() =>
        Node(4).Sample(node =>
        {
            foreach (var form in new[] { node, Reparsed(node) })
            {
                var result = FormSchemaReader.Read(form);
                Assert.True(result.IsValid || result.Problems.Count > 0);
            }
        }, iter: 3000);

    /// <summary>The node written out and parsed back, as a request body arrives (escapes such as a lone \ud800 included).</summary>
    private static JsonNode? Reparsed(JsonNode? node) => JsonNode.Parse(node?.ToJsonString() ?? "null");

    [Fact]
    public void Read_NeverThrows_OnHostileComponents() =>
        SchemaLike.Sample(node =>
        {
            foreach (var form in new[] { node, Reparsed(node) })
            {
                var result = FormSchemaReader.Read(form);
                Assert.True(result.IsValid || result.Problems.All(p => p.Path.StartsWith('$')));
            }
        }, iter: 3000);

    [Fact]
    public void ReadAndValidate_GiveProblems_ForDuplicatePropertyNames()
    {
        var form = FormSchemaReader.Read(JsonNode.Parse("""{ "id": "f", "id": "g", "components": [] }"""));
        Assert.Equal("$", Assert.Single(form.Problems).Path);
        var answers = FormAnswerValidator.Validate(EveryType, JsonNode.Parse("""{ "a": "x", "a": "y" }""")!.AsObject());
        Assert.Contains(answers.Problems, p => p.Path == "a");
    }

    [Fact]
    public void Validate_NeverThrows_AndOnlyKeepsValidAnswersToKnownKeys() =>
        Gen.Select(Gen.OneOf(Keys), Node(2)).Array[0, 12].Sample(pairs =>
        {
            var built = new JsonObject();
            foreach (var (key, value) in pairs) built[key] = value?.DeepClone();
            var options = new Dictionary<string, IReadOnlyList<FormOption>> { ["services"] = [new FormOption("S", "s")] };
            foreach (var answers in new[] { built, Reparsed(built)!.AsObject() })
            {
                var check = FormAnswerValidator.Validate(EveryType, answers, options);

                Assert.All(check.Problems, p => Assert.Contains(p.Path, Keys));
                Assert.DoesNotContain("z", check.Answers.Select(a => a.Key));
                Assert.All(check.Answers, a => Assert.DoesNotContain(check.Problems, p => p.Path == a.Key));
                // What the validator keeps is itself valid.
                var again = FormAnswerValidator.Validate(EveryType, (JsonObject)check.Answers.DeepClone(), options);
                Assert.DoesNotContain(again.Problems, p => check.Answers.ContainsKey(p.Path));
            }
        }, iter: 3000);
}
