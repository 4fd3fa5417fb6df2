using System.Text;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Tests.Query.Syntax;

/// <summary>
/// Differential check against libduckdb: random scripts built from strings, comments, dollar quotes and quoted names
/// holding awkward characters. Whenever DuckDB parses a script, this lexer must either refuse it or split it into
/// the same number of statements.
/// </summary>
public sealed class DuckDbBoundaryAgreementTests
{
    private static readonly string[] Content = ["a", "'", "''", "\"", ";", "-", "--", "/", "*", "/*", "*/", "\\", "$", "$$", "$t$", "E", "e'", "\n", "\r", "\r\n", "\t", " ", "`", "\u00A0", "\v", "\f", "1", "(", ")"];

    private static readonly string[] Gaps = [" ", "\n", "\r", "\r\n", "\t", "\f", "\v", "\u00A0", "\u2028", "\u3000", "/**/", "/* ; */", "--c;\n", "--c;\r", "\n-- ;\r\n"];

    [Fact]
    public void Statement_counts_match_DuckDB_whenever_it_parses_the_script()
    {
        using var database = DuckDbDatabase.Open();
        using var connection = database.Connect();
        var random = new Random(19);
        var parsed = 0;
        var agreed = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var script = Script(random);
            if (DuckDbCount(connection, script) is not { } expected)
            {
                continue;
            }

            parsed++;
            try
            {
                var actual = SqlScript.Parse(script).Statements.Count;
                if (actual != expected)
                {
                    disagreements.Add($"{Escape(script)}: DuckDB {expected}, NeuroLake {actual}");
                }
                else
                {
                    agreed++;
                }
            }
            catch (SqlSyntaxException)
            {
                // Refusing is safe; only a different split is not.
            }
        }

        Assert.Empty(disagreements);
        Assert.True(agreed > 500, $"only {agreed} of {parsed} scripts DuckDB parsed were split rather than refused; the check would say little");
    }

    private static int? DuckDbCount(DuckDbConnection connection, string sql)
    {
        try
        {
            using var extracted = StatementExecution.Extract(connection.Handle, sql, out var count);
            return count;
        }
        catch (Exception e) when (e is DuckDbException or ArgumentException)
        {
            return null;
        }
    }

    private static string Script(Random random)
    {
        var text = new StringBuilder();
        var statements = random.Next(1, 4);
        for (var s = 0; s < statements; s++)
        {
            text.Append("SELECT").Append(Gap(random)).Append(Item(random));
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                text.Append(Gap(random)).Append(',').Append(Gap(random)).Append(Item(random));
            }

            text.Append(Gap(random)).Append(';').Append(Gap(random));
        }

        return text.ToString();
    }

    private static string Item(Random random) => random.Next(15) switch
    {
        0 => $"'{Fill(random)}'",
        1 => $"E'{Fill(random)}'",
        2 => $"$${Fill(random)}$$",
        3 => $"$t${Fill(random)}$t$",
        4 => $"1 AS \"x{Fill(random)}\"",
        5 => $"1 AS `x{Fill(random)}`",
        6 => $"1 --{Fill(random)}\n",
        7 => $"1 /*{Fill(random)}*/",
        8 => $"1 //*{Fill(random)}*/ 2",
        9 => $"'a'{Gap(random)}'{Fill(random)}'",
        10 => $"E'a'{Gap(random)}'{Fill(random)}'",
        11 => $"X'{Fill(random)}'",
        12 => $"N'{Fill(random)}'",
        13 => $"1 +{Fill(random)} 2",
        _ => $"${Fill(random)}",
    };

    private static string Fill(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            text.Append(Content[random.Next(Content.Length)]);
        }

        return text.ToString();
    }

    private static string Gap(Random random) => random.Next(3) == 0 ? Gaps[random.Next(Gaps.Length)] : " ";

    private static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\v", "\\v", StringComparison.Ordinal).Replace("\f", "\\f", StringComparison.Ordinal)
            .Replace("\u00A0", "\\u00A0", StringComparison.Ordinal);
}
