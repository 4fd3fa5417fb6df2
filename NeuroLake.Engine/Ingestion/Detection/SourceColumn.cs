namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>A column as DuckDB reads it from the source.</summary>
/// <param name="Name">Its name in the source (DuckDB's reading of the header or JSON key).</param>
/// <param name="DuckDbType">The type DuckDB's own detection gives.</param>
/// <param name="ReadAsText">True when the source is read with every column as VARCHAR (delimited text), so the type is applied afterwards.</param>
public sealed record SourceColumn(string Name, string DuckDbType, bool ReadAsText = false)
{
    /// <summary>The type of the value the raw relation yields.</summary>
    public string RawType => ReadAsText ? "VARCHAR" : DuckDbType;
}
