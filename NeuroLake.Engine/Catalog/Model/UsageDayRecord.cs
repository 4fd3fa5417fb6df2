namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Reads and writes of one table by one user on one (UTC) day.</summary>
internal sealed class UsageDayRecord
{
    public Guid TableId { get; set; }

    public DateOnly Day { get; set; }

    public string UserName { get; set; } = "";

    public long Reads { get; set; }

    public long Writes { get; set; }

    public DateTimeOffset LastAccessAt { get; set; }
}
