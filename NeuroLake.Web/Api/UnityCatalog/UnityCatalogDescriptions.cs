using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Web.Api.UnityCatalog;

/// <summary>Catalog records in the shapes of the Unity Catalog spec: empty text left out, times in epoch milliseconds.</summary>
internal static class UnityCatalogDescriptions
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    public static UnityCatalogCatalogJson Catalog(SecurableInfo c) =>
        new(c.Path.Catalog, OrNull(c.Description), NoProperties, OrNull(c.Owner), Millis(c.CreatedAt), Millis(c.UpdatedAt), c.Id.ToString());

    public static UnityCatalogSchemaJson Schema(SecurableInfo s) =>
        new(s.Path.Schema!, s.Path.Catalog, $"{s.Path.Catalog}.{s.Path.Schema}", OrNull(s.Description), NoProperties, OrNull(s.Owner),
            Millis(s.CreatedAt), Millis(s.UpdatedAt), s.Id.ToString());

    public static UnityCatalogTableJson Table(TableInfo t, bool managed) => new(
        t.Path.Table!, t.Path.Catalog, t.Path.Schema!, managed ? "MANAGED" : "EXTERNAL", "DELTA",
        t.Columns.Select((c, position) => Column(c, position, t.PartitionColumns)).ToList(),
        StorageUri(t.Location), OrNull(t.Description), t.Properties, OrNull(t.Owner), Millis(t.CreatedAt), Millis(t.UpdatedAt), t.Id.ToString());

    /// <summary>
    /// Where an engine opens the table: <c>s3://bucket/prefix</c> as registered, a local folder as a <c>file:///</c> URI
    /// (what Spark, DuckDB and delta-rs accept for local paths).
    /// </summary>
    public static string StorageUri(string location) =>
        S3Location.IsS3(location) ? location.TrimEnd('/') : new Uri(Path.GetFullPath(location)).AbsoluteUri;

    private static UnityCatalogColumnJson Column(ColumnInfo c, int position, IReadOnlyList<string> partitionColumns)
    {
        var type = SparkTypeText.Parse(c.Type);
        var decimalType = type as Engine.Tables.Types.DecimalType;
        var partition = partitionColumns.ToList().FindIndex(p => string.Equals(p, c.Name, StringComparison.OrdinalIgnoreCase));
        return new UnityCatalogColumnJson(
            c.Name, UnityCatalogTypes.TextOf(type), UnityCatalogTypes.JsonOf(c.Name, type, c.Nullable), UnityCatalogTypes.NameOf(type),
            decimalType?.Precision, decimalType?.Scale, position, OrNull(c.Description), c.Nullable, partition < 0 ? null : partition);
    }

    private static string? OrNull(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}
