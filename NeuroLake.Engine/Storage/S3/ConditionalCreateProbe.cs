using System.Collections.Concurrent;

namespace NeuroLake.Engine.Storage.S3;

/// <summary>
/// Finds out whether an S3-compatible store honours conditional create (<c>If-None-Match: *</c>) by creating a fresh
/// key twice: a store that honours it refuses the second create, one that ignores it (s3rver) overwrites. The answer is
/// kept per endpoint and bucket, so each is probed once per process.
/// </summary>
public sealed class ConditionalCreateProbe
{
    /// <summary>Probe objects live under this folder of the probed store's root; the leading '_' hides it from Delta readers.</summary>
    public const string ProbeFolder = "_neurolake_probe/";

    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _answers = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="store"/>'s bucket at <paramref name="endpoint"/> refuses to create an existing key.</summary>
    public async Task<bool> HonoursConditionalCreateAsync(string endpoint, S3ObjectStore store, CancellationToken ct = default)
    {
        var cacheKey = $"{endpoint}|{store.Root.Bucket}";
        var answer = _answers.GetOrAdd(cacheKey, _ => new Lazy<Task<bool>>(() => ProbeAsync(store, CancellationToken.None)));
        try
        {
            return await answer.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed probe (store unreachable) says nothing about the store: ask again next time.
            _answers.TryRemove(KeyValuePair.Create(cacheKey, answer));
            throw;
        }
    }

    /// <summary>Creates one fresh key twice and removes it again; true when the second create was refused.</summary>
    public static async Task<bool> ProbeAsync(IObjectStore store, CancellationToken ct)
    {
        var key = $"{ProbeFolder}{Guid.NewGuid():N}";
        try
        {
            if (!await store.PutIfAbsentAsync(key, "first"u8.ToArray(), ct).ConfigureAwait(false))
            {
                throw new IOException($"{store.Location} refused to create the fresh key '{key}': the probe cannot tell whether it honours conditional create.");
            }

            return !await store.PutIfAbsentAsync(key, "second"u8.ToArray(), ct).ConfigureAwait(false);
        }
        finally
        {
            await store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
