using System.Xml.Linq;
using CareFlow.Core.Care.Barriers.Reporting;
using CareFlow.Web.Pages.Reports;

namespace CareFlow.Web.Tests.Pages.Reports;

public sealed class SvgBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Render(params BarrierCount[] rows)
    {
        using var writer = new StringWriter();
        SvgBarChart.Render("c1", "Barriers by <type>", "Three rows & a total", rows).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    [Fact]
    public void Render_IsWellFormedSvg_WithAnAccessibleNameAndDescription()
    {
        var svg = Render(new BarrierCount("cost", 20));
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c1-title c1-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Barriers by <type>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("c1-title", (string?)svg.Element(Svg + "title")!.Attribute("id"));
        Assert.Equal("Three rows & a total", svg.Element(Svg + "desc")!.Value);
        Assert.Null(svg.Attribute("style"));
    }

    [Fact]
    public void Render_ScalesBarsToTheLargestShownValue_AndWritesEveryValueAsText()
    {
        var svg = Render(new BarrierCount("cost", 40), new BarrierCount("transport", 20), new BarrierCount("stigma", 0));
        var bars = svg.Elements(Svg + "rect").Select(r => (int)r.Attribute("width")!).ToList();
        Assert.Equal([340, 170], bars);
        var texts = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(["cost", "40", "transport", "20", "stigma", "0"], texts);
    }

    [Fact]
    public void Render_DrawsSuppressedRowsAsAnOutlinedStubLabelledSuppressed()
    {
        var svg = Render(new BarrierCount("cost", null), new BarrierCount("transport", 30));
        var stub = svg.Elements(Svg + "rect").First();
        Assert.Equal("12", (string?)stub.Attribute("width"));
        Assert.Equal("#ffffff", (string?)stub.Attribute("fill"));
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "<11 (suppressed)");
    }

    [Fact]
    public void Render_EncodesLabels_AndShortensLongOnes()
    {
        var svg = Render(new BarrierCount("<script>alert(1)</script> and a very long service name", 12));
        var label = svg.Elements(Svg + "text").First().Value;
        Assert.StartsWith("<script>", label, StringComparison.Ordinal);
        Assert.EndsWith("…", label, StringComparison.Ordinal);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Empty(svg.Descendants("script"));
    }
}
