using System.Text;

namespace CareFlow.Core.Care.Barriers.Reporting;

/// <summary>
/// The report as CSV (RFC 4180): dimension, label, count, with suppressed counts as "&lt;11". Every text cell is
/// neutralised against formula injection: a cell starting with = + - @ (or a tab or carriage return) gets a leading
/// apostrophe, so a spreadsheet shows it as text and never evaluates it.
/// </summary>
public static class BarrierReportCsv
{
    public static string Write(IEnumerable<BarrierTable> tables)
    {
        var csv = new StringBuilder("dimension,label,count\r\n");
        foreach (var table in tables)
        {
            foreach (var row in table.Rows.Append(table.Total))
                csv.Append(Cell(table.Dimension)).Append(',').Append(Cell(row.Label)).Append(',').Append(Cell(row.Display)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Cell(string value)
    {
        // "<11" is ours and starts with '<', which spreadsheets do not evaluate.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
