namespace NeuroLake.Engine.Catalog.Model;

/// <summary>What one table kept on one storage tier on one (UTC) day, taken by the daily metering job.</summary>
internal sealed class TableStorageDayRecord
{
    public DateOnly Day { get; set; }

    /// <summary>The table's dotted name (<c>catalog.schema.table</c>): kept as text so a dropped table's past stays.</summary>
    public string TableName { get; set; } = "";

    public int Tier { get; set; }

    public long CurrentBytes { get; set; }

    public long CurrentFiles { get; set; }

    public long OlderVersionsBytes { get; set; }

    public long OlderVersionsFiles { get; set; }

    public DateTimeOffset TakenAt { get; set; }
}
