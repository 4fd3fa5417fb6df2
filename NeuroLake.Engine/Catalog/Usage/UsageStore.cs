using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Usage;

public sealed class UsageStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal UsageStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider? time = null) => _factory = factory;
}
