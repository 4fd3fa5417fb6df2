namespace NeuroLake.Engine.Tables.Operations.Merge;

/// <summary>
/// MERGE INTO the table USING <see cref="Source"/> (any DuckDB query: a table's snapshot SQL, a version of it, a
/// VALUES list ...) ON <see cref="On"/>, with clauses evaluated in order within each kind. Expressions are DuckDB
/// SQL over <see cref="TargetAlias"/> (the table's columns) and <see cref="SourceAlias"/> (the query's columns).
/// </summary>
public sealed record MergeSpec(string Source, string On, IReadOnlyList<MergeClause> Clauses)
{
    /// <summary>The name the ON condition and clauses use for the table's row (default "t").</summary>
    public string TargetAlias { get; init; } = "t";

    /// <summary>The name the ON condition and clauses use for the source row (default "s").</summary>
    public string SourceAlias { get; init; } = "s";
}

/// <summary>A WHEN clause of MERGE; <see cref="Condition"/> is its optional AND condition.</summary>
public abstract record MergeClause(string? Condition)
{
    /// <summary>WHEN MATCHED [AND condition] THEN UPDATE SET column = expression, ...</summary>
    public static MergeClause MatchedUpdate(IReadOnlyDictionary<string, string> set, string? condition = null) => new WhenMatchedUpdate(set, condition);

    /// <summary>WHEN MATCHED [AND condition] THEN UPDATE SET * (every table column from the source column of that name).</summary>
    public static MergeClause MatchedUpdateAll(string? condition = null) => new WhenMatchedUpdate(null, condition);

    /// <summary>WHEN MATCHED [AND condition] THEN DELETE.</summary>
    public static MergeClause MatchedDelete(string? condition = null) => new WhenMatchedDelete(condition);

    /// <summary>WHEN NOT MATCHED [AND condition] THEN INSERT (column, ...) VALUES (expression, ...); other columns get NULL.</summary>
    public static MergeClause NotMatchedInsert(IReadOnlyDictionary<string, string> values, string? condition = null) => new WhenNotMatchedInsert(values, condition);

    /// <summary>WHEN NOT MATCHED [AND condition] THEN INSERT * (every table column from the source column of that name).</summary>
    public static MergeClause NotMatchedInsertAll(string? condition = null) => new WhenNotMatchedInsert(null, condition);

    /// <summary>WHEN NOT MATCHED BY SOURCE [AND condition] THEN UPDATE SET column = expression (over the table's row only).</summary>
    public static MergeClause NotMatchedBySourceUpdate(IReadOnlyDictionary<string, string> set, string? condition = null) => new WhenNotMatchedBySourceUpdate(set, condition);

    /// <summary>WHEN NOT MATCHED BY SOURCE [AND condition] THEN DELETE.</summary>
    public static MergeClause NotMatchedBySourceDelete(string? condition = null) => new WhenNotMatchedBySourceDelete(condition);
}

public sealed record WhenMatchedUpdate(IReadOnlyDictionary<string, string>? Set, string? Condition) : MergeClause(Condition);

public sealed record WhenMatchedDelete(string? Condition) : MergeClause(Condition);

public sealed record WhenNotMatchedInsert(IReadOnlyDictionary<string, string>? Values, string? Condition) : MergeClause(Condition);

public sealed record WhenNotMatchedBySourceUpdate(IReadOnlyDictionary<string, string> Set, string? Condition) : MergeClause(Condition);

public sealed record WhenNotMatchedBySourceDelete(string? Condition) : MergeClause(Condition);
