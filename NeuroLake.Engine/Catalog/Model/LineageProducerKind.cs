namespace NeuroLake.Engine.Catalog.Model;

/// <summary>What produced a lineage edge.</summary>
public enum LineageProducerKind
{
    Statement = 0,
    Job = 1,
    Ingestion = 2,
}
