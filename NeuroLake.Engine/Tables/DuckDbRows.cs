using System.Text;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Tables;

/// <summary>Runs a SELECT in DuckDB and hands back every row as one JSON object (column name → value).</summary>
internal static class DuckDbRows
{
    /// <remarks>DuckDB joins the rows into one newline-separated text, so crossing into .NET costs one string, not one per row.</remarks>
    public static List<byte[]> QueryJson(DuckDbConnection connection, string select, CancellationToken ct = default)
    {
        using var reader = connection.ExecuteReader($"SELECT string_agg(CAST(to_json(nl_row) AS VARCHAR), chr(10)) FROM ({select}) AS nl_row", ct);
        if (!reader.Read() || reader.IsDBNull(0))
        {
            return [];
        }

        return SplitLines(Encoding.UTF8.GetBytes(reader.GetString(0)));
    }

    internal static List<byte[]> SplitLines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<byte[]>();
        while (!bytes.IsEmpty)
        {
            var end = bytes.IndexOf((byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            if (!line.IsEmpty && !IsBlank(line))
            {
                lines.Add(line.ToArray());
            }

            bytes = end < 0 ? [] : bytes[(end + 1)..];
        }

        return lines;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    public static string Text(byte[] line) => Encoding.UTF8.GetString(line);
}
