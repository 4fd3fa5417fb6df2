using NeuroLake.Engine.Query.Syntax;

namespace NeuroLake.Engine.Query.Service;

/// <summary>
/// The parts of CREATE TABLE the classifier does not keep: the column list (as text, for DuckDB to parse),
/// PARTITIONED BY, COMMENT, TBLPROPERTIES and IF NOT EXISTS.
/// </summary>
internal sealed record CreateTableClauses(
    bool IfNotExists,
    string? ColumnsText,
    IReadOnlyList<string> PartitionColumns,
    string? Comment,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <exception cref="QueryRefusedException">OR REPLACE, TEMP, or a clause this service does not know.</exception>
    public static CreateTableClauses Of(SqlStatement statement, TableName target)
    {
        var tokens = statement.Tokens;
        var head = tokens.TakeWhile(t => t.Span.Offset < target.Span.Offset).ToList();
        if (head.Any(t => t.IsWord("REPLACE")))
        {
            throw new QueryRefusedException("CREATE OR REPLACE TABLE is not supported: use INSERT OVERWRITE to replace a table's rows.");
        }

        if (head.Any(t => t.IsWord("TEMP") || t.IsWord("TEMPORARY")))
        {
            throw new QueryRefusedException("Temporary tables are not supported: every table is a versioned table in the catalog. Use a CTE (WITH) for intermediate results.");
        }

        var ifNotExists = head.Any(t => t.IsWord("EXISTS"));
        string? columns = null, comment = null;
        var partitions = new List<string>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = head.Count;
        while (i < tokens.Count && tokens[i].Span.Offset < target.Span.End)
        {
            i++;
        }

        for (; i < tokens.Count && !tokens[i].IsWord("AS"); i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.LeftParen && columns is null)
            {
                var close = TokenCursor.MatchingParen(tokens, i);
                columns = statement.Source[token.Span.End..tokens[close].Span.Offset];
                i = close;
            }
            else if (token.IsWord("PARTITIONED") && Next(tokens, i + 1).IsWord("BY") && Next(tokens, i + 2).Kind == TokenKind.LeftParen)
            {
                var close = TokenCursor.MatchingParen(tokens, i + 2);
                partitions.AddRange(tokens.Skip(i + 3).Take(close - i - 3).Where(t => t.IsIdentifier).Select(t => t.Value));
                i = close;
            }
            else if (token.IsWord("COMMENT") && Next(tokens, i + 1).Kind == TokenKind.String)
            {
                comment = tokens[++i].Value;
            }
            else if (token.IsWord("TBLPROPERTIES") && Next(tokens, i + 1).Kind == TokenKind.LeftParen)
            {
                var close = TokenCursor.MatchingParen(tokens, i + 1);
                var strings = tokens.Skip(i + 2).Take(close - i - 2).Where(t => t.Kind == TokenKind.String).Select(t => t.Value).ToList();
                for (var p = 0; p + 1 < strings.Count; p += 2)
                {
                    properties[strings[p]] = strings[p + 1];
                }

                i = close;
            }
            else if (token.IsWord("LOCATION") && Next(tokens, i + 1).Kind == TokenKind.String)
            {
                i++;
            }
            else if (token.IsWord("USING") && Next(tokens, i + 1).IsWord("DELTA"))
            {
                i++;
            }
            else
            {
                throw new QueryRefusedException(
                    $"CREATE TABLE does not understand '{token.Text}' ({token.Span}). Write CREATE TABLE s.t (columns) [PARTITIONED BY (c)] [COMMENT '...'] [TBLPROPERTIES ('k' = 'v')] [AS SELECT ...].");
            }
        }

        return new CreateTableClauses(ifNotExists, columns, partitions, comment, properties);
    }

    private static SqlToken Next(IReadOnlyList<SqlToken> tokens, int index) =>
        index < tokens.Count ? tokens[index] : default;
}
