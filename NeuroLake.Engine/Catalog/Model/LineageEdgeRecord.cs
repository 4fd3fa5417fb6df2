namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Data flowed from a source table (column) into a target table (column).</summary>
internal sealed class LineageEdgeRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SourceTableId { get; set; }

    /// <summary>Null for a table-level edge.</summary>
    public string? SourceColumn { get; set; }

    public Guid TargetTableId { get; set; }

    public string? TargetColumn { get; set; }

    public LineageProducerKind ProducerKind { get; set; }

    /// <summary>Statement id, job id or ingestion id.</summary>
    public string ProducerId { get; set; } = "";

    /// <summary>The statement text or a job/ingestion description.</summary>
    public string ProducerText { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
