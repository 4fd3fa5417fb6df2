using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>A generated column with the PII type it truly holds (null: none) and what kind of case it is.</summary>
internal sealed record LabelledColumn(string Name, IReadOnlyList<string> Values, SemanticType? Truth, string Case);
