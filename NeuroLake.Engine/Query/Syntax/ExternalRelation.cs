namespace NeuroLake.Engine.Query.Syntax;

internal enum ExternalRelationKind
{
    /// <summary>FROM read_parquet(...), FROM range(10): a table function.</summary>
    TableFunction,
    /// <summary>FROM 'data.csv': DuckDB reads the file directly.</summary>
    FilePath,
}

/// <summary>
/// Something in a FROM position that is not a catalog table. Not rewritten; reported so the sandbox can
/// refuse the ones that reach files.
/// </summary>
/// <param name="Name">The function's name as written, or the path for <see cref="ExternalRelationKind.FilePath"/>.</param>
internal sealed record ExternalRelation(ExternalRelationKind Kind, string Name, SourceSpan Span);
