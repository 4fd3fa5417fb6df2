namespace NeuroLake.Engine.Catalog;

/// <summary>Where the catalog lives. Bound from <c>NeuroLake:Catalog</c> and <c>ConnectionStrings:Catalog</c>.</summary>
public sealed record CatalogOptions
{
    /// <summary>Default <see cref="CatalogProvider.Sqlite"/>.</summary>
    public CatalogProvider Provider { get; init; } = CatalogProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Optional for SQLite (default: <c>catalog.db</c> in the data folder);
    /// required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; init; }
}
