namespace NeuroLake.Engine.Query.Syntax;

/// <summary>A statement's kind, the table it writes and the tables it reads: what the query service routes on.</summary>
/// <param name="ExternalReads">Table functions and file paths in FROM positions, for the sandbox to judge.</param>
internal sealed record StatementAnalysis(
    SqlStatement Statement,
    StatementClassification Classification,
    IReadOnlyList<TableReference> Reads,
    IReadOnlyList<ExternalRelation> ExternalReads)
{
    public StatementKind Kind => Classification.Kind;

    /// <summary>The table (or schema) a write statement changes; null for reads and inspections.</summary>
    public TableName? WriteTarget => Classification.IsWrite ? Classification.Target : null;

    /// <exception cref="SqlSyntaxException">A time travel clause is malformed.</exception>
    public static StatementAnalysis Of(SqlStatement statement)
    {
        var classification = StatementClassifier.Classify(statement);
        var (tables, external) = TableReferenceFinder.Find(statement, classification);
        return new StatementAnalysis(statement, classification, tables, external);
    }

    /// <summary>The statement with its reads replaced by the relations <paramref name="resolve"/> returns.</summary>
    public string Rewrite(Func<TableReference, string> resolve) => TableReferenceRewriter.Rewrite(Statement, Reads, resolve);

    /// <summary>The statement's text between two source offsets, with the reads inside it replaced.</summary>
    public string Rewrite(Func<TableReference, string> resolve, int start, int end) => TableReferenceRewriter.Rewrite(Statement, Reads, resolve, start, end);
}
