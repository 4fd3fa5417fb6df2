using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// Asks DuckDB's own parser what a statement is, so NeuroLake never checks one statement while DuckDB would run
/// another: the statement (time travel blanked out, the one syntax DuckDB lacks) must be exactly one statement to
/// DuckDB, and a query's parse tree (<c>json_serialize_sql</c>) may only read the tables NeuroLake resolved, the safe
/// table functions, and no function that reveals files, settings or the environment.
/// </summary>
internal sealed class DuckDbParserCheck(DuckDbDatabase database)
{
    // DuckDB's grammar covers these whole, so its parse error is the user's syntax error. (INSERT's column list
    // errors read better from NeuroLake's own check, which names the list; its query is parsed by DuckDB below.)
    // A statement NeuroLake does not recognise (SELEC 1) is most often a typo, which DuckDB's parser can point at.
    private static readonly HashSet<StatementKind> DuckDbGrammar =
    [
        StatementKind.Query, StatementKind.Explain, StatementKind.ExplainAnalyze, StatementKind.Update, StatementKind.Delete,
        StatementKind.Unknown,
    ];

    private static readonly HashSet<string> QueryStarts = new(StringComparer.OrdinalIgnoreCase) { "SELECT", "WITH", "VALUES", "FROM", "TABLE" };

    // The check reads nothing but the statement's text, so a text that passed passes again: dashboards and pages
    // re-run the same statements, and each check is a parse, a json_serialize_sql query and a walk of its tree.
    // Texts are remembered literal-blind (LiteralBlindText): a lookup by id passes once for every id.
    private const int PassedCapacity = 1024;
    private const int PassedMaxLength = 8 * 1024;
    private readonly ConcurrentDictionary<string, bool> _passed = new(StringComparer.Ordinal);

    /// <exception cref="SqlSyntaxException">DuckDB cannot parse a statement its grammar covers.</exception>
    /// <exception cref="QueryRefusedException">DuckDB reads more than one statement, or the query reaches beyond the sandbox.</exception>
    public void Check(StatementAnalysis analysis)
    {
        var statement = analysis.Statement;
        var key = LiteralBlindText.Of(statement);
        if (_passed.ContainsKey(key))
        {
            return;
        }

        var text = PlainText(analysis);
        using var connection = database.Connect();
        var count = CountStatements(connection, text, analysis);
        if (count > 1)
        {
            throw new QueryRefusedException(
                $"DuckDB reads {count} statements in statement {statement.Index + 1} ({statement.Span}) where NeuroLake reads one. " +
                "Separate statements with semicolons, and end a -- comment with a new line.");
        }

        if (QueryStart(analysis) is { } start)
        {
            CheckQuery(connection, analysis, text, start);
        }

        Passed(key);
    }

    private void Passed(string text)
    {
        if (text.Length > PassedMaxLength)
        {
            return;
        }

        if (_passed.Count >= PassedCapacity)
        {
            _passed.Clear();
        }

        _passed.TryAdd(text, true);
    }

    /// <summary>The statement with its time travel clauses blanked, same length and offsets, for DuckDB to parse.</summary>
    private static string PlainText(StatementAnalysis analysis)
    {
        var statement = analysis.Statement;
        var text = new StringBuilder(statement.Text);
        foreach (var read in analysis.Reads)
        {
            if (read.TimeTravel is { } travel)
            {
                for (var i = travel.Span.Offset; i < travel.Span.End; i++)
                {
                    text[i - statement.Span.Offset] = ' ';
                }
            }

            if (read.TableKeyword is { } keyword)
            {
                // TABLE t is DuckDB's FROM t; both words are five characters, so offsets stay.
                text.Remove(keyword.Offset - statement.Span.Offset, keyword.Length).Insert(keyword.Offset - statement.Span.Offset, "FROM ".PadRight(keyword.Length));
            }
        }

        return text.ToString();
    }

    private static int CountStatements(DuckDbConnection connection, string text, StatementAnalysis analysis)
    {
        try
        {
            return connection.CountStatements(text);
        }
        catch (DuckDbException e) when (DuckDbGrammar.Contains(analysis.Kind))
        {
            // The parse tree's error says where; the statement splitter's only shows it in a text excerpt.
            using var tree = DuckDbSqlTree.Serialize(connection, text);
            var (message, position) = ParserError(tree.RootElement) ?? (e.DuckDbMessage, 0);
            throw SyntaxError(analysis, text, CharOffset(text, position), message);
        }
        catch (DuckDbException)
        {
            // NeuroLake's own statements (OPTIMIZE, CREATE TABLE ... PARTITIONED BY) are not DuckDB's; their query parts are checked below.
            return 1;
        }
    }

    /// <summary>Where the query a statement runs starts in its text: all of it, or after EXPLAIN, AS or INSERT INTO t (...).</summary>
    private static int? QueryStart(StatementAnalysis analysis)
    {
        var statement = analysis.Statement;
        var tokens = statement.Tokens;
        switch (analysis.Kind)
        {
            case StatementKind.Query:
                return 0;
            case StatementKind.Explain or StatementKind.ExplainAnalyze when analysis.Classification.Explained?.Kind is StatementKind.Query:
                var first = tokens.Skip(1).SkipWhile(t => t.IsWord("ANALYZE")).FirstOrDefault();
                return first.Text is null ? null : first.Span.Offset - statement.Span.Offset;
            case StatementKind.CreateTableAsSelect or StatementKind.Insert or StatementKind.InsertOverwrite:
                var depth = 0;
                for (var i = analysis.Classification.Reads.BodyStart; i < tokens.Count; i++)
                {
                    depth += tokens[i].Kind switch { TokenKind.LeftParen => 1, TokenKind.RightParen => -1, _ => 0 };
                    if (depth == 0 && tokens[i].IsWordIn(QueryStarts))
                    {
                        return tokens[i].Span.Offset - statement.Span.Offset;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static void CheckQuery(DuckDbConnection connection, StatementAnalysis analysis, string text, int start)
    {
        using var tree = DuckDbSqlTree.Serialize(connection, text[start..]);
        var root = tree.RootElement;
        if (ParserError(root) is var (problem, position))
        {
            throw SyntaxError(analysis, text, start + CharOffset(text[start..], position), problem);
        }

        if (root.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "" : "";
            throw new QueryRefusedException(
                $"Statement {analysis.Statement.Index + 1} ({analysis.Statement.Span}) is not a plain query to DuckDB ({message}). " +
                "Write PIVOT and UNPIVOT inside a query: SELECT * FROM (PIVOT ...).");
        }

        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw new QueryRefusedException(
                $"DuckDB reads {statements.GetArrayLength()} queries in statement {analysis.Statement.Index + 1} ({analysis.Statement.Span}) where NeuroLake reads one.");
        }

        QueryTreeCheck.Check(statements[0], analysis);
    }

    /// <summary>The parser's message and byte position, when the tree is a parse error.</summary>
    private static (string Message, int Position)? ParserError(JsonElement root)
    {
        if (!root.TryGetProperty("error_type", out var type) || type.GetString() != "parser")
        {
            return null;
        }

        var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "syntax error" : "syntax error";
        var position = root.TryGetProperty("position", out var p) && int.TryParse(p.GetString(), out var at) ? at : 0;
        return (message, position);
    }

    private static SqlSyntaxException SyntaxError(StatementAnalysis analysis, string text, int offset, string message)
    {
        var statement = analysis.Statement;
        var span = new LineMap(statement.Source).Span(statement.Span.Offset + Math.Clamp(offset, 0, text.Length), 1);
        var problem = message.Split('\n', 2)[0].Replace("Parser Error: ", "", StringComparison.Ordinal);
        return new SqlSyntaxException($"Syntax error in statement {statement.Index + 1}: {problem}", span,
            "Check the spelling of keywords and the punctuation there.");
    }

    /// <summary>DuckDB reports byte offsets into the UTF-8 text.</summary>
    private static int CharOffset(string text, int byteOffset)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Clamp(byteOffset, 0, bytes.Length));
    }
}
