using System.Globalization;
using System.Text;

namespace NeuroLake.Engine.Tables.Operations;

/// <summary>
/// A Z-order (Morton) key over several columns, computed in DuckDB: each column's dense rank, scaled to
/// <see cref="BitsPerColumn"/> bits, then the bits interleaved (bit j of column i lands at j·k + (k−1−i)), so rows
/// close in every column get close keys and files cut from the sorted rows have narrow min/max for each column.
/// </summary>
internal static class ZOrderKey
{
    public const string KeyColumn = "__nl_zkey";

    public static int BitsPerColumn(int columns) => Math.Min(20, 62 / columns);

    /// <summary>SQL over <paramref name="rows"/> (a relation) returning its columns plus <see cref="KeyColumn"/>.</summary>
    public static string Over(string rows, IReadOnlyList<string> columns, string columnList)
    {
        var k = columns.Count;
        var bits = BitsPerColumn(k);
        var scale = (1L << bits).ToString(CultureInfo.InvariantCulture);
        var ranks = string.Join(", ", columns.Select((c, i) => $"dense_rank() OVER (ORDER BY {Sql.Quote(c)}) - 1 AS __nl_r{i}"));
        var counts = string.Join(", ", columns.Select((_, i) => $"max(__nl_r{i}) OVER () + 1 AS __nl_n{i}"));
        var scaled = string.Join(", ", columns.Select((_, i) => $"CAST(floor(__nl_r{i} * {scale} / __nl_n{i}) AS BIGINT) AS __nl_s{i}"));
        var key = new StringBuilder();
        for (var j = 0; j < bits; j++)
        {
            for (var i = 0; i < k; i++)
            {
                key.Append(key.Length == 0 ? "" : " | ")
                    .Append(CultureInfo.InvariantCulture, $"(((__nl_s{i} >> {j}) & 1) << {j * k + (k - 1 - i)})");
            }
        }

        return $"SELECT {columnList}, {key} AS {KeyColumn} FROM (SELECT *, {scaled} FROM (SELECT *, {counts} FROM (SELECT *, {ranks} FROM ({rows}) AS z0) AS z1) AS z2) AS z3";
    }
}
