using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>
/// Advances the <see cref="CatalogGeneration"/> after a save that changed securable rows. After, not before: a reader
/// that read the old rows while the save ran then holds an older generation than the one now current.
/// </summary>
internal sealed class SecurableChangeInterceptor(CatalogGeneration generation) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save may still have changed rows (a provider that committed part of it): treat it as a change.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Settle(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<SecurableRecord>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private void Settle(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            generation.Advance();
        }
    }
}
