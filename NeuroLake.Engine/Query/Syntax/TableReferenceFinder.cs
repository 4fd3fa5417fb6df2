namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// Finds the tables a statement reads: names in FROM, JOIN, TABLE and (for DELETE and MERGE) USING
/// positions at any depth (subqueries, CTE bodies, set operations, lateral joins), with their time travel
/// clause and alias. CTE names, table functions such as read_parquet(...), file paths in quotes and
/// column references are not table references.
/// </summary>
internal sealed partial class TableReferenceFinder
{
    private enum LevelMode
    {
        /// <summary>A statement body or CTE body: a query.</summary>
        Query,
        /// <summary>Parentheses opened in a FROM position: a subquery or a parenthesised join.</summary>
        Relation,
        /// <summary>Other parentheses: a subquery only when a query keyword opens them (not EXTRACT(x FROM y)).</summary>
        Expression,
    }

    private readonly IReadOnlyList<SqlToken> _tokens;
    private readonly ReadRegion _region;
    private readonly List<TableReference> _found = [];
    private readonly List<ExternalRelation> _external = [];
    private bool _usingSeen;

    private TableReferenceFinder(IReadOnlyList<SqlToken> tokens, ReadRegion region)
    {
        _tokens = tokens;
        _region = region;
    }

    /// <exception cref="SqlSyntaxException">A time travel clause is malformed, or applied to a CTE.</exception>
    public static IReadOnlyList<TableReference> FindReads(SqlStatement statement) =>
        Find(statement, StatementClassifier.Classify(statement)).Tables;

    /// <exception cref="SqlSyntaxException">A time travel clause is malformed, or applied to a CTE.</exception>
    public static IReadOnlyList<TableReference> FindReads(SqlStatement statement, StatementClassification classification) =>
        Find(statement, classification).Tables;

    /// <summary>The tables the statement reads, and the table functions and file paths in its FROM positions.</summary>
    /// <exception cref="SqlSyntaxException">A time travel clause is malformed, or applied to a CTE.</exception>
    public static (IReadOnlyList<TableReference> Tables, IReadOnlyList<ExternalRelation> External) Find(
        SqlStatement statement, StatementClassification classification)
    {
        var region = classification.Reads;
        if (!region.Scan)
        {
            return ([], []);
        }

        var finder = new TableReferenceFinder(statement.Tokens, region);
        IReadOnlySet<string> scope = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (region.WithEnd > region.WithStart)
        {
            (_, scope) = finder.ScanWith(region.WithStart, scope);
        }

        finder.ScanLevel(region.BodyStart, statement.Tokens.Count, scope, LevelMode.Query);
        return (finder._found, finder._external);
    }

    private void ScanLevel(int from, int to, IReadOnlySet<string> scope, LevelMode mode)
    {
        var isQuery = mode != LevelMode.Expression
            || (from < to && (_tokens[from].IsWordIn(SqlKeywords.StartsQuery) || _tokens[from].Kind == TokenKind.LeftParen));
        var inFrom = mode == LevelMode.Relation;
        var expectRelation = mode == LevelMode.Relation;
        var i = from;
        while (i < to)
        {
            if (expectRelation && isQuery)
            {
                expectRelation = false;
                i = ReadRelation(i, scope);
                continue;
            }

            var token = _tokens[i];
            if (token.Kind == TokenKind.LeftParen)
            {
                var close = TokenCursor.MatchingParen(_tokens, i);
                ScanLevel(i + 1, close, scope, LevelMode.Expression);
                i = close + 1;
                continue;
            }

            if (token.IsWord("WITH") && IsCteList(i))
            {
                (i, scope) = ScanWith(i, scope);
                continue;
            }

            if (isQuery && token.Kind == TokenKind.Word)
            {
                if ((token.IsWord("FROM") && !IsDistinctFrom(i)) || token.IsWord("JOIN"))
                {
                    inFrom = expectRelation = true;
                }
                else if (token.IsWord("TABLE") && StartsQuery(i, from))
                {
                    expectRelation = true;
                }
                else if (token.IsWord("USING") && _region.UsingReads && !_usingSeen && from == _region.BodyStart)
                {
                    _usingSeen = inFrom = expectRelation = true;
                }
                else if (token.IsWordIn(SqlKeywords.EndsFromClause))
                {
                    inFrom = false;
                }
            }
            else if (isQuery && token.Kind == TokenKind.Comma && inFrom)
            {
                expectRelation = true;
            }

            i++;
        }
    }

    /// <summary>a IS [NOT] DISTINCT FROM b: a comparison, not a FROM clause.</summary>
    private bool IsDistinctFrom(int i) => i > 0 && _tokens[i - 1].IsWord("DISTINCT");

    /// <summary>Whether the TABLE keyword at <paramref name="i"/> starts a query (TABLE t), rather than being part of CREATE TABLE and the like.</summary>
    private bool StartsQuery(int i, int levelStart) =>
        i == levelStart || _tokens[i - 1].IsWordIn(SqlKeywords.SetOperation) || _tokens[i - 1].IsWord("AS");

    /// <summary>WITH [RECURSIVE] name [(...)] AS: a CTE list, not WITH ORDINALITY, WITH TIME ZONE or WITH (options).</summary>
    private bool IsCteList(int i)
    {
        var c = new TokenCursor(_tokens, i + 1);
        c.Accept("RECURSIVE");
        if (c.Current is not { IsIdentifier: true } name || name.IsWord("ORDINALITY"))
        {
            return false;
        }

        c.Position++;
        return c.IsWord("AS") || c.Is(TokenKind.LeftParen);
    }

    /// <summary>Scans CTE bodies and returns the position after the list and the scope with the CTE names added.</summary>
    private (int Next, IReadOnlySet<string> Scope) ScanWith(int i, IReadOnlySet<string> scope)
    {
        var c = new TokenCursor(_tokens, i + 1);
        var recursive = c.Accept("RECURSIVE");
        var names = new HashSet<string>(scope, StringComparer.OrdinalIgnoreCase);
        do
        {
            if (c.Current is not { IsIdentifier: true } name)
            {
                break;
            }

            c.Position++;
            if (c.Is(TokenKind.LeftParen))
            {
                c.SkipGroup();
            }

            if (c.AcceptAll("USING", "KEY") && c.Is(TokenKind.LeftParen))
            {
                c.SkipGroup();
            }

            c.Accept("AS");
            c.Accept("NOT");
            c.Accept("MATERIALIZED");
            if (c.Is(TokenKind.LeftParen))
            {
                var close = TokenCursor.MatchingParen(_tokens, c.Position);
                var bodyScope = recursive ? new HashSet<string>(names, StringComparer.OrdinalIgnoreCase) { name.Value } : names.ToHashSet(StringComparer.OrdinalIgnoreCase);
                ScanLevel(c.Position + 1, close, bodyScope, LevelMode.Query);
                c.Position = close + 1;
            }

            names.Add(name.Value);
        }
        while (c.Accept(TokenKind.Comma));

        return (c.Position, names);
    }
}
