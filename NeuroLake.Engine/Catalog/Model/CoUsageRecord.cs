namespace NeuroLake.Engine.Catalog.Model;

/// <summary>How many queries touched both tables; stored once per pair with <see cref="FirstTableId"/> the smaller id.</summary>
internal sealed class CoUsageRecord
{
    public Guid FirstTableId { get; set; }

    public Guid SecondTableId { get; set; }

    public long Count { get; set; }
}
