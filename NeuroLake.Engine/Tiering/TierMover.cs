using NeuroLake.Engine.Backup;
using NeuroLake.Engine.Metering;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Engine.Storage.Tiering;

namespace NeuroLake.Engine.Tiering;

/// <summary>
/// Moves one table file between tiers, crash-safe: copy, verify (size, and SHA-256 — or S3's MD5 ETag where the target
/// archives objects so they cannot be read back), record the placement, and only then delete the source. A crash at
/// any step loses nothing: before the record the old place is still the file's place (the copy is an unreferenced tier
/// object, which <see cref="CleanAsync"/> removes); after it, the source is a leftover the same cleaning deletes. A
/// source on this disk is kept for <see cref="TiersOptions.KeepLocalOriginalsMinutes"/> after the move, since a
/// statement may have resolved its path just before; a remote source is read through leased cache copies and goes at once.
/// </summary>
internal sealed class TierMover(TierStores tiers, TablePlacements placements, TimeProvider time)
{
    private TimeSpan KeepLocalOriginals => TimeSpan.FromMinutes(Math.Max(0, tiers.Options.KeepLocalOriginalsMinutes));

    /// <summary>Test hook: runs after a copy is verified and before its placement is recorded (simulates a crash there).</summary>
    internal Func<TieringMove, Task>? AfterCopy { get; set; }

    /// <summary>Moves <paramref name="move"/>'s file; false when the plan is stale (the file moved, or is gone).</summary>
    public async Task<bool> MoveAsync(TieredObjectStore table, StorageTier home, TieringMove move, CancellationToken ct)
    {
        var placed = table.Placements.Find(move.Key);
        if ((placed?.Tier ?? home) != move.From)
        {
            return false;
        }

        var (source, sourceKey) = placed is null ? (table.Inner, move.Key) : Resolve(placed);
        if (await source.GetInfoAsync(sourceKey, ct).ConfigureAwait(false) is not { } info)
        {
            return false;
        }

        if (move.To == home)
        {
            await BringHomeAsync(table, placed!, source, sourceKey, ct).ConfigureAwait(false);
            return true;
        }

        var target = tiers.TableFolder(move.To, table.Location);
        var (sha, etag) = await CopyAsync(source, sourceKey, info.Size, target, move.Key, NeedsRestore(move.To), ct).ConfigureAwait(false);
        if (placed is not null && placed.Checksum != sha)
        {
            throw new IOException($"'{move.Key}' read from the {placed.Tier} tier does not match the checksum recorded when it moved there; it was left in place.");
        }

        await (AfterCopy?.Invoke(move) ?? Task.CompletedTask).ConfigureAwait(false);
        await placements.SaveAsync(table.Location, new FilePlacement(
            move.Key, move.To, $"{target.Location}/{move.Key}", info.Size, sha, etag, placed?.ModifiedAt ?? info.LastModified, time.GetUtcNow()), ct).ConfigureAwait(false);
        if (source.GetLocalPath(sourceKey) is null || KeepLocalOriginals == TimeSpan.Zero)
        {
            await source.DeleteAsync(sourceKey, ct).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Removes what an interrupted move left: tier objects of the table no placement names, and originals in the table's
    /// own store whose placement was recorded (local ones once they have been kept long enough for the statements that
    /// were reading them). Returns how many objects went.
    /// </summary>
    public async Task<int> CleanAsync(TieredObjectStore table, CancellationToken ct)
    {
        var removed = 0;
        var referenced = table.Placements.All.Values.Select(p => p.ObjectUri).ToHashSet(StringComparer.Ordinal);
        foreach (var tier in tiers.Available.Where(t => t != StorageTier.Hot))
        {
            var folder = tiers.TableFolder(tier, table.Location);
            foreach (var o in await folder.ListAsync("", null, ct).ConfigureAwait(false))
            {
                if (!referenced.Contains($"{folder.Location}/{o.Key}"))
                {
                    await folder.DeleteAsync(o.Key, ct).ConfigureAwait(false);
                    removed++;
                }
            }
        }

        var keptSince = time.GetUtcNow() - KeepLocalOriginals;
        var local = table.Inner.GetLocalPath("") is not null;
        foreach (var leftover in (await table.Inner.ListAsync("", null, ct).ConfigureAwait(false))
            .Where(o => table.Placements.Find(o.Key) is { } placed && (!local || placed.MovedAt <= keptSince)))
        {
            await table.Inner.DeleteAsync(leftover.Key, ct).ConfigureAwait(false);
            removed++;
        }

        return removed;
    }

    /// <summary>Copies a placed file back into the table's own store, checks it against the recorded checksum, then forgets the placement.</summary>
    private async Task BringHomeAsync(TieredObjectStore table, FilePlacement placed, IObjectStore source, string sourceKey, CancellationToken ct)
    {
        await using (var copy = new HashingReadStream(await ObjectReadStream.OpenAsync(source, sourceKey, ct).ConfigureAwait(false)))
        {
            await table.Inner.PutAsync(placed.Key, copy, ct).ConfigureAwait(false);
            if (copy.BytesRead != placed.Size || copy.Sha256 != placed.Checksum)
            {
                await table.Inner.DeleteAsync(placed.Key, ct).ConfigureAwait(false);
                throw new IOException($"'{placed.Key}' read from the {placed.Tier} tier does not match what was moved there ({copy.BytesRead} bytes); it was left in the tier.");
            }
        }

        if (table.Inner.GetLocalPath(placed.Key) is { } path)
        {
            // VACUUM judges a file's age by its time: the file was written then, not now.
            File.SetLastWriteTimeUtc(path, placed.ModifiedAt.UtcDateTime);
        }

        await placements.RemoveAsync(table.Location, placed.Key, ct).ConfigureAwait(false);
        await source.DeleteAsync(sourceKey, ct).ConfigureAwait(false);
    }

    private static async Task<(string Sha256, string? ETag)> CopyAsync(
        IObjectStore source, string sourceKey, long size, S3ObjectStore target, string key, bool archived, CancellationToken ct)
    {
        string sha, md5;
        await using (var copy = new HashingReadStream(await ObjectReadStream.OpenAsync(source, sourceKey, ct).ConfigureAwait(false), md5: true))
        {
            await target.PutAsync(key, copy, ct).ConfigureAwait(false);
            (sha, md5) = (copy.Sha256, copy.Md5!);
            if (copy.BytesRead != size)
            {
                throw new IOException($"Copying '{key}' read {copy.BytesRead} bytes, but the file has {size}; it changed while it was read and was left in place.");
            }
        }

        var written = await target.GetInfoAsync(key, ct).ConfigureAwait(false);
        if (written?.Size != size)
        {
            throw new IOException($"The copy of '{key}' in {target.Location} has {written?.Size ?? 0} bytes instead of {size}; the file was left in place.");
        }

        var etag = written.ETag?.Trim('"');
        if (etag is not null && !etag.Contains('-', StringComparison.Ordinal))
        {
            // A single-part upload's ETag is the MD5 of its bytes: the store says what it holds without a second read.
            return etag == md5 ? (sha, written.ETag) : throw new IOException($"The copy of '{key}' in {target.Location} does not match its source (MD5); the file was left in place.");
        }

        if (!archived)
        {
            await using var back = new HashingReadStream(await ObjectReadStream.OpenAsync(target, key, ct).ConfigureAwait(false));
            await back.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
            if (back.Sha256 != sha)
            {
                throw new IOException($"The copy of '{key}' in {target.Location} does not match its source (SHA-256); the file was left in place.");
            }
        }

        // A multipart upload to a class that must be restored before a read: its size and S3's own part checks are all there is.
        return (sha, written.ETag);
    }

    private (IObjectStore Store, string Key) Resolve(FilePlacement placed) => tiers.Resolve(placed.ObjectUri);

    // Classes S3 refuses to read until restored (GLACIER_IR and the others are read directly).
    private bool NeedsRestore(StorageTier tier) => tiers.Settings(tier)?.StorageClass?.ToUpperInvariant() is "GLACIER" or "DEEP_ARCHIVE";
}
