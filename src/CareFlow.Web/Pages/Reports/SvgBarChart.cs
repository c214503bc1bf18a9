using System.Globalization;
using System.Net;
using System.Text;
using CareFlow.Core.Care.Barriers.Reporting;
using Microsoft.AspNetCore.Html;

namespace CareFlow.Web.Pages.Reports;

/// <summary>
/// A server-rendered horizontal bar chart: one bar per row, the value written next to it (so nothing is told by
/// length or colour alone), suppressed rows drawn as an outlined stub labelled "&lt;11". The SVG is an image with a
/// title and a description referenced by <c>aria-labelledby</c>; the same numbers are in the table beside it.
/// Presentation attributes only (no <c>style</c>), so the Content-Security-Policy stays 'self'.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640, LabelWidth = 210, BarArea = 340, RowHeight = 26, Top = 6;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<BarrierCount> rows)
    {
        var max = Math.Max(1, rows.Max(r => r.Value ?? 0));
        var height = Top * 2 + Math.Max(1, rows.Count) * RowHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            var textY = y + RowHeight / 2 + 5;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{textY}\" text-anchor=\"end\" fill=\"#1b1f24\" font-size=\"13\">{Encode(Shorten(row.Label))}</text>");
            var barWidth = row.Value is { } v ? (int)Math.Round((double)v / max * BarArea) : 0;
            if (row.Suppressed)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 5}\" width=\"12\" height=\"{RowHeight - 10}\" fill=\"#ffffff\" stroke=\"#4a5561\" stroke-dasharray=\"3 2\"/>");
            else if (barWidth > 0)
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 5}\" width=\"{barWidth}\" height=\"{RowHeight - 10}\" fill=\"#0b5cad\"/>");
            var valueX = LabelWidth + Math.Max(barWidth, row.Suppressed ? 12 : 0) + 6;
            var text = row.Suppressed ? $"{BarrierCount.SuppressedText} (suppressed)" : row.Display;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{valueX}\" y=\"{textY}\" fill=\"#1b1f24\" font-size=\"13\">{Encode(text)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
