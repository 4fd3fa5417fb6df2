namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// A commit the catalog accepted for a table on a store without conditional create: the unique (location, key) row is
/// written before the log object, and holds the content so the object can be published again if its writer crashed.
/// </summary>
internal sealed class RatifiedCommitRecord
{
    /// <summary>The table's store location, e.g. <c>s3://bucket/warehouse/main/sales/orders</c>.</summary>
    public string Location { get; set; } = "";

    /// <summary>The object's key below the location, e.g. <c>_delta_log/00000000000000000007.json</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The exact bytes of the log object.</summary>
    public byte[] Content { get; set; } = [];

    public DateTimeOffset RatifiedAt { get; set; }
}
