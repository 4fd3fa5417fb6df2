using NeuroLake.Engine.Storage;

namespace NeuroLake.Tests.Backup;

/// <summary>
/// A repository store that dies like a killed process at the worst moment: every object of the set is stored, then
/// the manifest put throws (once).
/// </summary>
internal sealed class FailingManifestStore(IObjectStore inner) : IObjectStore
{
    private bool _failed;

    public string Location => inner.Location;

    public Task<byte[]> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);

    public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) => inner.GetRangeAsync(key, offset, length, ct);

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        if (key.StartsWith("sets/", StringComparison.Ordinal) && !_failed)
        {
            _failed = true;
            throw new IOException("Simulated crash before the manifest was written.");
        }

        return inner.PutAsync(key, data, ct);
    }

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => inner.PutAsync(key, content, ct);

    public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => inner.PutIfAbsentAsync(key, data, ct);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default) => inner.ListAsync(prefix, startAfter, ct);

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default) => inner.GetInfoAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);

    public string? GetLocalPath(string key) => inner.GetLocalPath(key);
}
