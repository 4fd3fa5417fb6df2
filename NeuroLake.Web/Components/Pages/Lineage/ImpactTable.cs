using System.Globalization;
using System.Text;

namespace NeuroLake.Web.Components.Pages.Lineage;

public enum ImpactColumn
{
    Asset,
    Depth,
    RiskScore,
}

/// <summary>The impact-analysis rows with the user's sort (riskiest first by default) and their CSV export.</summary>
public sealed class ImpactTable(IReadOnlyList<ImpactRow> rows)
{
    public ImpactColumn SortColumn { get; private set; } = ImpactColumn.RiskScore;

    public bool Descending { get; private set; } = true;

    public int Count => rows.Count;

    /// <summary>The rows in the current order; ties keep asset-name order so the export is stable.</summary>
    public IReadOnlyList<ImpactRow> Rows
    {
        get
        {
            var ordered = SortColumn switch
            {
                ImpactColumn.Asset => Order(r => r.Asset, StringComparer.Ordinal),
                ImpactColumn.Depth => Order(r => r.Depth, Comparer<int>.Default),
                _ => Order(r => r.RiskScore, Comparer<double>.Default),
            };
            return ordered.ThenBy(r => r.Asset, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Sorts by <paramref name="column"/>; the same column again flips the direction. Numbers start high, names start at A.</summary>
    public void SortBy(ImpactColumn column)
    {
        Descending = column == SortColumn ? !Descending : column != ImpactColumn.Asset;
        SortColumn = column;
    }

    /// <summary>The aria-sort value of a column header.</summary>
    public string AriaSort(ImpactColumn column) => column != SortColumn ? "none" : Descending ? "descending" : "ascending";

    /// <summary>The rows as shown, as RFC 4180 CSV: asset, depth, path, risk score, factors.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("asset,depth,path,risk_score,factors\r\n");
        foreach (var row in Rows)
        {
            var factors = string.Join("; ", row.Factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}={f.Value} (+{f.Contribution:0.###}): {f.Explanation}")));
            csv.Append(Field(row.Asset)).Append(',')
                .Append(row.Depth.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(string.Join(" > ", row.Path))).Append(',')
                .Append(row.RiskScore.ToString("0.###", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(factors)).Append("\r\n");
        }

        return csv.ToString();
    }

    private IOrderedEnumerable<ImpactRow> Order<T>(Func<ImpactRow, T> key, IComparer<T> comparer) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
