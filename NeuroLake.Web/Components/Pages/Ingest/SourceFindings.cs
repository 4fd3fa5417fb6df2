using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Engine.Ingestion.Quality;

namespace NeuroLake.Web.Components.Pages.Ingest;

/// <summary>Quality and PII of a source sample read with the schema as edited.</summary>
public sealed record SourceFindings(QualityReport Quality, IReadOnlyList<PiiFinding> Pii);
