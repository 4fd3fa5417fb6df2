namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>A column as DuckDB reads it from the source: its name there and the type DuckDB's own detection gives.</summary>
public sealed record SourceColumn(string Name, string DuckDbType);
