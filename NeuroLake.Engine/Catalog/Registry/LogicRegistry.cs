using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Registry;

public sealed class LogicRegistry
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal LogicRegistry(IDbContextFactory<CatalogDbContext> factory, TimeProvider? time = null) => _factory = factory;
    public Task EnsureBuiltInPatternsAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
