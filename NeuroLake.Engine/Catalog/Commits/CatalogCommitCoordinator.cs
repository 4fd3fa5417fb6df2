using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Catalog.Commits;

/// <summary>
/// The catalog database as commit coordinator: the primary key of <c>ratified_commits</c> lets exactly one writer insert
/// each (location, key), on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class CatalogCommitCoordinator(IDbContextFactory<CatalogDbContext> factory, TimeProvider time) : ICommitCoordinator
{
    /// <summary>
    /// Snapshot loading reads every new commit at once; without a bound that is one database connection per commit, more
    /// than PostgreSQL's default 100 connections allow.
    /// </summary>
    private readonly SemaphoreSlim _connections = new(8);

    public async Task<bool> TryRatifyAsync(string location, string key, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        Check(location, key);
        var bytes = content.ToArray();
        await _connections.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.RatifiedCommits.Add(new RatifiedCommitRecord { Location = location, Key = key, Content = bytes, RatifiedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // Asked again below, so that an unrelated failure is not taken for a lost race.
            }
        }
        finally
        {
            _connections.Release();
        }

        // The row exists: another writer won, unless the failure hid our own insert (a lost answer), which our bytes reveal.
        var existing = await GetRatifiedAsync(location, key, ct);
        return existing is null
            ? throw new CatalogException($"Ratifying '{key}' of {location} failed and no row was written. Check the catalog database's connection and retry.")
            : existing.AsSpan().SequenceEqual(bytes);
    }

    public async Task<byte[]?> GetRatifiedAsync(string location, string key, CancellationToken ct = default)
    {
        Check(location, key);
        await _connections.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return await db.RatifiedCommits.AsNoTracking()
                .Where(c => c.Location == location && c.Key == key)
                .Select(c => c.Content)
                .FirstOrDefaultAsync(ct);
        }
        finally
        {
            _connections.Release();
        }
    }

    public async Task<int> ForgetAsync(string location, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        var below = location.TrimEnd('/') + "/";
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.RatifiedCommits.Where(c => c.Location == location || c.Location.StartsWith(below)).ExecuteDeleteAsync(ct);
    }

    private static void Check(string location, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (location.Length > CommitsModel.LocationMaxLength || key.Length > CommitsModel.KeyMaxLength)
        {
            throw new CatalogException(
                $"The commit coordinator keeps locations of up to {CommitsModel.LocationMaxLength} and keys of up to {CommitsModel.KeyMaxLength} characters; '{key}' of '{location}' is longer. Use a shorter table location.");
        }
    }
}
