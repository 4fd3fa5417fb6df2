using NeuroLake.Engine.Storage;

namespace NeuroLake.Tests.Tables.Operations;

/// <summary>
/// A store that runs another writer's work just before this writer's first commit attempt, so the other writer
/// wins the race for the version after the snapshot this writer read: a real interleaving, not a simulated one.
/// </summary>
internal sealed class InterleavingStore(IObjectStore inner, Func<Task> concurrentWriter) : IObjectStore
{
    private int _fired;

    public string Location => inner.Location;

    public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (key.StartsWith("_delta_log/", StringComparison.Ordinal) && key.EndsWith(".json", StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await concurrentWriter();
        }

        return await inner.PutIfAbsentAsync(key, data, ct);
    }

    public Task<byte[]> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);

    public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) => inner.GetRangeAsync(key, offset, length, ct);

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PutAsync(key, data, ct);

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => inner.PutAsync(key, content, ct);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default) => inner.ListAsync(prefix, startAfter, ct);

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default) => inner.GetInfoAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);

    public string? GetLocalPath(string key) => inner.GetLocalPath(key);
}
