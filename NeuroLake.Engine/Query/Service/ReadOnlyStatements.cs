using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Query.Service;

/// <summary>The DuckDB statement types the service runs user SQL as, checked by DuckDB's parser just before it runs.</summary>
internal static class ReadOnlyStatements
{
    public static readonly IReadOnlySet<DuckDbStatementType> Query = new HashSet<DuckDbStatementType> { DuckDbStatementType.Select };

    public static readonly IReadOnlySet<DuckDbStatementType> Explain = new HashSet<DuckDbStatementType> { DuckDbStatementType.Explain };

    /// <summary>The service's own COPY around a checked query (exports to its scratch folder).</summary>
    public static readonly IReadOnlySet<DuckDbStatementType> Copy = new HashSet<DuckDbStatementType> { DuckDbStatementType.Copy };
}
