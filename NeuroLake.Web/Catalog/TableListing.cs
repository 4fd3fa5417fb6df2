using NeuroLake.Engine.Catalog;

namespace NeuroLake.Web.Catalog;

/// <summary>The tables one user may see, and whether the lakehouse holds any table at all.</summary>
public sealed record TableListing(IReadOnlyList<TableInfo> Visible, bool AnyExist)
{
    /// <summary>Tables exist but none is shared with the user: they need a grant, not a first file.</summary>
    public bool NoneShared => Visible.Count == 0 && AnyExist;
}
