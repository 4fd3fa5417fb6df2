namespace NeuroLake.Engine.Query.Syntax;

/// <summary>
/// A table read by a statement, in a FROM, JOIN, USING (DELETE, MERGE) or TABLE position.
/// </summary>
/// <param name="Span">The name and time travel clause (and an alias written between them), which a rewrite replaces.</param>
/// <param name="Alias">The alias as written, or null when there is none.</param>
/// <param name="AliasInsideSpan">True when the alias was written before the time travel clause, so a rewrite must repeat it.</param>
internal sealed record TableReference(
    TableName Name,
    TimeTravel? TimeTravel,
    string? Alias,
    SourceSpan Span,
    bool AliasInsideSpan = false)
{
    /// <summary>For <c>TABLE t</c> (a query on its own): the TABLE keyword, which a rewrite turns into SELECT * FROM.</summary>
    public SourceSpan? TableKeyword { get; init; }

    /// <summary>The name the rest of the query uses for this relation: its alias, else the table name.</summary>
    public string ExposedName => Alias ?? Name.Name;

    public override string ToString() =>
        Name + (TimeTravel is null ? "" : " " + TimeTravel) + (Alias is null ? "" : " AS " + Alias);
}
