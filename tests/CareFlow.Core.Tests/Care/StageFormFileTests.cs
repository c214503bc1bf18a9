using System.Text.Json.Nodes;
using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Screening;
using CareFlow.Core.Care.Tasks;
using CareFlow.Core.Forms;

namespace CareFlow.Core.Tests.Care;

/// <summary>
/// The stage forms in <c>forms/</c>: each is a form-js schema named like its file with unique keys, and the forms whose
/// options are domain data (the AHC HRSN instrument, advocacy kinds, barrier categories, closure reasons) carry
/// exactly that data, both ways.
/// </summary>
public sealed class StageFormFileTests
{
    public static TheoryData<string> Forms => new([StageForms.Screening, StageForms.Consent, StageForms.StabilizationPlan, StageForms.CheckIn,
        StageForms.ServiceChoice, StageForms.FollowUp, StageForms.Closure, StageForms.Advocacy]);

    private static readonly string[] InputTypes = ["textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "datetime"];

    private static JsonObject Load(string id)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.Directory.Exists(Path.Combine(directory.FullName, "forms"))) directory = directory.Parent;
        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("forms/ not found"), "forms", id + ".json");
        return (JsonObject)JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static IEnumerable<JsonObject> Components(JsonObject container)
    {
        foreach (var component in container["components"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            yield return component;
            foreach (var inner in Components(component)) yield return inner;
        }
    }

    private static JsonObject Field(JsonObject form, string key) =>
        Components(form).SingleOrDefault(c => (string?)c["key"] == key) ?? throw new Xunit.Sdk.XunitException($"No field '{key}' in form {form["id"]}.");

    private static string[] OptionValues(JsonObject field) => [.. field["values"]!.AsArray().Select(v => (string)v!["value"]!)];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Form_IsNamedLikeItsFile_WithUniqueKeysAndIds(string id)
    {
        var form = Load(id);
        Assert.Equal(id, (string?)form["id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)form["name"]));
        Assert.Equal("default", (string?)form["type"]);
        var all = Components(form).ToList();
        Assert.Equal(all.Count, all.Select(c => (string)c["id"]!).Distinct().Count());
        var keys = all.Where(c => c["key"] is not null).Select(c => (string)c["key"]!).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(all.Where(c => c["key"] is not null), c => Assert.Contains((string)c["type"]!, InputTypes));
        Assert.All(all.Where(c => c["values"] is JsonArray), c => Assert.Equal(OptionValues(c).Length, OptionValues(c).Distinct().Count()));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Form_ReadsAsAValidFormJsSchema(string id)
    {
        var read = FormSchemaReader.Read(Load(id));
        Assert.Empty(read.Problems.Select(p => $"{p.Path}: {p.Message}"));
        Assert.Equal(id, read.Schema!.Id);
    }

    [Fact]
    public void ScreeningForm_AsksEveryInstrumentQuestion_WithItsOptions_AndNothingElse()
    {
        var form = Load(StageForms.Screening);
        var instrument = AhcHrsnCore.Instrument;
        var keyed = Components(form).Where(c => c["key"] is not null).ToList();
        Assert.Equal(instrument.Questions.Select(q => q.Id).Order(), keyed.Select(c => (string)c["key"]!).Order());
        foreach (var question in instrument.Questions)
        {
            var field = Field(form, question.Id);
            Assert.Equal(question.MultipleChoice ? "checklist" : "radio", (string?)field["type"]);
            Assert.Equal(question.Text, (string?)field["label"]);
            Assert.True((bool?)field["validate"]?["required"], question.Id);
            Assert.Equal(question.Options.Select(o => o.Value), OptionValues(field));
            Assert.Equal(question.Options.Select(o => o.Label), field["values"]!.AsArray().Select(v => (string)v!["label"]!));
        }
    }

    [Fact]
    public void AdvocacyForm_OffersEveryAdvocacyKind_AndOnlyThose()
    {
        Assert.Equal(Enum.GetNames<AdvocacyKind>(), OptionValues(Field(Load(StageForms.Advocacy), "kind")));
    }

    [Fact]
    public void FollowUpForm_OffersEveryBarrierCategory_AndOnlyThose()
    {
        var barriers = Field(Load(StageForms.FollowUp), "barriers");
        Assert.Equal("checklist", (string?)barriers["type"]);
        Assert.Equal(Enum.GetNames<BarrierCategory>(), OptionValues(barriers));
    }

    [Fact]
    public void ClosureForm_OffersTheClosureReasons_WithTheirWording()
    {
        var reason = Field(Load(StageForms.Closure), "reason");
        Assert.Equal(CaseClosure.Reasons.Keys, OptionValues(reason));
        Assert.Equal(CaseClosure.Reasons.Values, reason["values"]!.AsArray().Select(v => (string)v!["label"]!));
    }

    [Fact]
    public void CheckInForm_OffersHeldStableMissed_AsARequiredRadio()
    {
        var outcome = Field(Load(StageForms.CheckIn), "outcome");
        Assert.Equal("radio", (string?)outcome["type"]);
        Assert.True((bool?)outcome["validate"]?["required"]);
        Assert.Equal(["held", "stable", "missed"], OptionValues(outcome));
    }

    [Fact]
    public void PlanForm_HasThreeGoalRows_TheFirstRequired()
    {
        var form = Load(StageForms.StabilizationPlan);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal("textfield", (string?)Field(form, $"goal{i}Text")["type"]);
            Assert.Equal("date", (string?)Field(form, $"goal{i}TargetDate")["subtype"]);
            Assert.Equal(i == 1, (bool?)Field(form, $"goal{i}Text")["validate"]?["required"] ?? false);
        }
    }

    [Fact]
    public void ServiceChoiceForm_TakesTheServicesFromTheDirectory()
    {
        var service = Field(Load(StageForms.ServiceChoice), "serviceId");
        Assert.Equal("select", (string?)service["type"]);
        Assert.Equal("services", (string?)service["valuesKey"]);
    }
}
