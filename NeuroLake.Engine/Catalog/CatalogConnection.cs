using NeuroLake.Engine.Configuration;

namespace NeuroLake.Engine.Catalog;

/// <summary>
/// The catalog database in use: the provider from <c>NeuroLake:Catalog:Provider</c> and the connection string from
/// <c>ConnectionStrings:Catalog</c>, or for SQLite the default file <c>catalog.db</c> in the data folder.
/// </summary>
public sealed record CatalogConnection(CatalogProvider Provider, string ConnectionString);
