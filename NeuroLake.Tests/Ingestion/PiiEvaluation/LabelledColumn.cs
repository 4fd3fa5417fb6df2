using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>A generated column with the PII type it truly holds (null: none) and what kind of case it is.</summary>
/// <param name="Table">Columns sharing a table number are classified together (a latitude beside its longitude); null: a table of its own.</param>
/// <param name="Type">The DuckDB type the column is sampled as.</param>
internal sealed record LabelledColumn(string Name, IReadOnlyList<string> Values, SemanticType? Truth, string Case, int? Table = null, string Type = "VARCHAR");
