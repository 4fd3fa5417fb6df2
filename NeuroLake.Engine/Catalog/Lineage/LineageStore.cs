using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Lineage;

public sealed class LineageStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal LineageStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider? time = null) => _factory = factory;
}
