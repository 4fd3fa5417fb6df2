namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A file loaded into a table: the upstream node of the table's lineage that is not itself a table.</summary>
internal sealed class SourceFileRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TableId { get; set; }

    /// <summary>The file's name as uploaded (no folder).</summary>
    public string FileName { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the file's bytes as stored (compressed files: of the compressed bytes), 64 lowercase hex digits.</summary>
    public string Sha256 { get; set; } = "";

    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The table version the load committed.</summary>
    public long TableVersion { get; set; }

    /// <summary>The ingestion's id, shared with the lineage and history of the same load; null when not given.</summary>
    public string? ProducerId { get; set; }
}
