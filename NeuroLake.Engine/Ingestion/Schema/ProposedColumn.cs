using NeuroLake.Engine.Ingestion.Detection;

namespace NeuroLake.Engine.Ingestion.Schema;

/// <summary>One column of a proposed table schema; a caller overrides a choice with <c>with</c>.</summary>
/// <param name="Name">Clean identifier ([a-z_][a-z0-9_]*).</param>
/// <param name="OriginalName">The name in the source file, kept for the column description.</param>
/// <param name="Source">The column as DuckDB reads it from the file.</param>
/// <param name="DuckDbType">The proposed DuckDB type.</param>
/// <param name="Nullable">False only when no sampled value was null.</param>
/// <param name="Parse">How the value is computed from the source value.</param>
/// <param name="Note">Why the type differs from DuckDB's own detection, or what could not be decided; null when nothing to say.</param>
public sealed record ProposedColumn(
    string Name,
    string OriginalName,
    SourceColumn Source,
    string DuckDbType,
    bool Nullable,
    ParseMethod Parse,
    string? Note = null);
