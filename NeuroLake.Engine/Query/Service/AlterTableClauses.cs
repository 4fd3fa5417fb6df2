using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// What ALTER TABLE t changes: ADD COLUMN(S) (columns), SET TBLPROPERTIES ('k' = 'v', ...),
/// UNSET TBLPROPERTIES ('k', ...) or ALTER COLUMN c COMMENT '...'.
/// </summary>
internal sealed record AlterTableClauses
{
    private const string Forms =
        "ALTER TABLE s.t ADD COLUMNS (c TYPE, ...), ALTER TABLE s.t SET TBLPROPERTIES ('k' = 'v'), ALTER TABLE s.t UNSET TBLPROPERTIES ('k') or ALTER TABLE s.t ALTER COLUMN c COMMENT '...'";

    /// <summary>ADD COLUMN(S): the column list as SQL text.</summary>
    public string? AddedColumns { get; private init; }

    /// <summary>SET (value) or UNSET (null) TBLPROPERTIES.</summary>
    public IReadOnlyDictionary<string, string?>? Properties { get; private init; }

    /// <summary>ALTER COLUMN c COMMENT: the column and its new comment.</summary>
    public (string Column, string Comment)? ColumnComment { get; private init; }

    public static AlterTableClauses Of(StatementAnalysis analysis)
    {
        var tokens = new StatementTokens(analysis.Statement);
        var i = tokens.After(analysis.Classification.Target!.Span);
        if (i >= tokens.Count)
        {
            throw Unexpected(tokens, i);
        }

        if (tokens[i].IsWord("ADD") && i + 1 < tokens.Count && (tokens[i + 1].IsWord("COLUMN") || tokens[i + 1].IsWord("COLUMNS")))
        {
            var start = i + 2;
            var parenthesised = start < tokens.Count && tokens[start].Kind == TokenKind.LeftParen
                && TokenCursor.MatchingParen(tokens.Tokens, start) == tokens.Count - 1;
            var text = parenthesised ? tokens.Text(start + 1, tokens.Count - 1) : tokens.Text(start, tokens.Count);
            return text.Length == 0 ? throw Unexpected(tokens, start) : new AlterTableClauses { AddedColumns = text };
        }

        if ((tokens[i].IsWord("SET") || tokens[i].IsWord("UNSET")) && i + 1 < tokens.Count && tokens[i + 1].IsWord("TBLPROPERTIES"))
        {
            return new AlterTableClauses { Properties = ReadProperties(tokens, i + 2, unset: tokens[i].IsWord("UNSET")) };
        }

        if ((tokens[i].IsWord("ALTER") || tokens[i].IsWord("CHANGE")) && i + 1 < tokens.Count)
        {
            var column = tokens[i + 1].IsWord("COLUMN") ? i + 2 : i + 1;
            if (column + 3 == tokens.Count && tokens[column].IsIdentifier && tokens[column + 1].IsWord("COMMENT") && tokens[column + 2].Kind == TokenKind.String)
            {
                return new AlterTableClauses { ColumnComment = (tokens[column].Value, tokens[column + 2].Value) };
            }

            throw Unexpected(tokens, column);
        }

        throw Unexpected(tokens, i);
    }

    private static Dictionary<string, string?> ReadProperties(StatementTokens tokens, int open, bool unset)
    {
        if (open < tokens.Count && unset && tokens[open].IsWord("IF") && open + 1 < tokens.Count && tokens[open + 1].IsWord("EXISTS"))
        {
            open += 2;
        }

        if (open >= tokens.Count || tokens[open].Kind != TokenKind.LeftParen || TokenCursor.MatchingParen(tokens.Tokens, open) != tokens.Count - 1)
        {
            throw Unexpected(tokens, open);
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (s, e) in tokens.SplitAtCommas(open + 1, tokens.Count - 1))
        {
            var valid = unset
                ? e - s == 1 && tokens[s].Kind == TokenKind.String
                : e - s == 3 && tokens[s].Kind == TokenKind.String && tokens[s + 1].IsOperator("=") && tokens[s + 2].Kind == TokenKind.String;
            if (!valid)
            {
                throw new QueryRefusedException(
                    $"Table properties are quoted strings: {(unset ? "UNSET TBLPROPERTIES ('key')" : "SET TBLPROPERTIES ('key' = 'value')")}, not '{tokens.Text(s, e)}' ({tokens.SpanAt(s)}).");
            }

            properties[tokens[s].Value] = unset ? null : tokens[s + 2].Value;
        }

        return properties;
    }

    private static QueryRefusedException Unexpected(StatementTokens tokens, int at) =>
        new($"ALTER TABLE does not understand {(at < tokens.Count ? $"'{tokens[at].Text}'" : "the end of the statement")} ({tokens.SpanAt(at)}). Write {Forms}.");
}
