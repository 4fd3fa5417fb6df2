namespace NeuroLake.Engine.Catalog.Model;

internal sealed class TableRecord : SecurableRecord
{
    public Guid SchemaId { get; set; }

    public SchemaRecord? Schema { get; set; }

    /// <summary>Where the Delta table lives (a folder path or an object-store URI); unique.</summary>
    public string Location { get; set; } = "";

    public int MinReaderVersion { get; set; } = 1;

    public int MinWriterVersion { get; set; } = 2;

    public List<string> PartitionColumns { get; set; } = [];

    public Dictionary<string, string> Properties { get; set; } = [];

    /// <summary>The Delta log version the catalog last saw.</summary>
    public long CurrentVersion { get; set; }

    public long SizeBytes { get; set; }

    public long FileCount { get; set; }

    /// <summary>Number of the latest <see cref="SchemaVersionRecord"/>.</summary>
    public int SchemaVersion { get; set; }

    public List<ColumnRecord> Columns { get; set; } = [];
}
