using System.Globalization;
using System.Text;

namespace NeuroLake.Bench.Tpch;

/// <summary>
/// Checks a query's rows against its expected answer (DuckDB's CSV: header, then one row a line, NULL as empty):
/// numbers within 1e-6 relative, everything else as text; row order counts only when the query has ORDER BY.
/// </summary>
internal static class TpchAnswers
{
    private const double Tolerance = 1e-6;

    /// <exception cref="TpchAnswerMismatchException">A row differs, or the row counts do.</exception>
    public static void Check(int query, string queryText, string answerFile, IReadOnlyList<object?[]> rows)
    {
        var expected = File.ReadLines(answerFile).Skip(1).Where(l => l.Length > 0).Select(ParseCsvLine).ToList();
        var actual = rows.Select(r => r.Select(Text).ToArray()).ToList();
        if (!queryText.Contains("order by", StringComparison.OrdinalIgnoreCase))
        {
            expected = [.. expected.OrderBy(r => string.Join('\u0001', r), StringComparer.Ordinal)];
            actual = [.. actual.OrderBy(r => string.Join('\u0001', r), StringComparer.Ordinal)];
        }

        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i].Length != actual[i].Length || !expected[i].Zip(actual[i]).All(p => Same(p.First, p.Second)))
            {
                throw new TpchAnswerMismatchException(
                    $"TPC-H q{query:00} row {i + 1}: expected [{string.Join(", ", expected[i])}] but got [{string.Join(", ", actual[i])}] ({answerFile}).");
            }
        }

        if (expected.Count != actual.Count)
        {
            throw new TpchAnswerMismatchException($"TPC-H q{query:00}: expected {expected.Count} rows but got {actual.Count} ({answerFile}).");
        }
    }

    private static bool Same(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        return double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && Math.Abs(e - a) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(e), Math.Abs(a)));
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>One CSV line: fields split at commas outside double quotes, "" inside quotes meaning one quote.</summary>
    private static string[] ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
