namespace NeuroLake.Engine.Catalog.Model;

/// <summary>A table file moved out of the table's folder by tiering (see <c>Storage.Tiering.FilePlacement</c>).</summary>
internal sealed class FilePlacementRecord
{
    public Guid TableId { get; set; }

    /// <summary>The file's key relative to the table root, as the Delta log names it.</summary>
    public string Key { get; set; } = "";

    public int Tier { get; set; }

    public string ObjectUri { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, hex.</summary>
    public string Checksum { get; set; } = "";

    public string? ETag { get; set; }

    public DateTimeOffset ModifiedAt { get; set; }

    public DateTimeOffset MovedAt { get; set; }
}
