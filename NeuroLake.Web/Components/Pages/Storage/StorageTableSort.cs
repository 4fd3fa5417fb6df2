using NeuroLake.Web.Storage;

namespace NeuroLake.Web.Components.Pages.Storage;

/// <summary>A column of the Storage page's table list.</summary>
public enum StorageColumn
{
    Name,
    Tier,
    Bytes,
    Files,
    OlderVersionsBytes,
}

/// <summary>
/// The Storage page's table list in the order chosen: largest first until a header is clicked; a new column sorts
/// names A–Z and figures largest first, a second click on the same column flips it. Ties keep names A–Z.
/// </summary>
public sealed class StorageTableSort(IReadOnlyList<TableFootprint> tables)
{
    public StorageColumn Column { get; private set; } = StorageColumn.Bytes;

    public bool Descending { get; private set; } = true;

    public IReadOnlyList<TableFootprint> Rows
    {
        get
        {
            var ordered = Column switch
            {
                StorageColumn.Name => Descending ? tables.OrderByDescending(t => t.Name, StringComparer.Ordinal) : tables.OrderBy(t => t.Name, StringComparer.Ordinal),
                StorageColumn.Tier => By(t => (long)t.Tiers.Max()),
                StorageColumn.Files => By(t => t.CurrentFiles),
                StorageColumn.OlderVersionsBytes => By(t => t.OlderVersionsBytes),
                _ => By(t => t.CurrentBytes),
            };
            return ordered.ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        }
    }

    public void SortBy(StorageColumn column)
    {
        Descending = column == Column ? !Descending : column is not (StorageColumn.Name or StorageColumn.Tier);
        Column = column;
    }

    /// <summary>The header's <c>aria-sort</c>: how the rows are sorted by it, or none.</summary>
    public string AriaSort(StorageColumn column) => column != Column ? "none" : Descending ? "descending" : "ascending";

    private IOrderedEnumerable<TableFootprint> By(Func<TableFootprint, long> key) => Descending ? tables.OrderByDescending(key) : tables.OrderBy(key);
}
