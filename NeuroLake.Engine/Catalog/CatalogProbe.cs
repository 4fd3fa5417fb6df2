using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog;

/// <summary>Answers whether the catalog database is reachable and migrated, for readiness checks.</summary>
public sealed class CatalogProbe
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal CatalogProbe(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>Null when the catalog answers with no pending migrations; otherwise what is wrong.</summary>
    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await _factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return "the catalog database does not accept connections";
            }

            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? $"migrations not applied yet: {string.Join(", ", pending)}" : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.Message;
        }
    }
}
