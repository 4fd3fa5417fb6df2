using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Engine.Ingestion;

/// <summary>What a file ingestion found and did: the detected source and schema, and the load's report.</summary>
public sealed record FileIngestionResult(ProposedSchema Schema, LoadReport Load, SourceFileInfo SourceFile, string IngestionId);
