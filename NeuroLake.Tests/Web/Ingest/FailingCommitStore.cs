using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.Cache;

namespace NeuroLake.Tests.Web.Ingest;

/// <summary>
/// A table store whose first commit fails like a lost connection: the data files are uploaded to the real store, then
/// the log entry cannot be written. Everything else goes to the real store.
/// </summary>
internal sealed class FailingCommitStore(IObjectStore inner) : IObjectStore
{
    /// <summary>Data files stored before the commit failed.</summary>
    public int DataFilesUploaded { get; private set; }

    public string Location => inner.Location;

    public FileCache? Cache => inner.Cache;

    public Task<byte[]> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);

    public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) => inner.GetRangeAsync(key, offset, length, ct);

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => Count(key, inner.PutAsync(key, data, ct));

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => Count(key, inner.PutAsync(key, content, ct));

    public Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) =>
        key.StartsWith("_delta_log/", StringComparison.Ordinal)
            ? throw new IOException("Simulated connection loss while writing the commit.")
            : inner.PutIfAbsentAsync(key, data, ct);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default) => inner.ListAsync(prefix, startAfter, ct);

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default) => inner.GetInfoAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);

    public string? GetLocalPath(string key) => inner.GetLocalPath(key);

    private async Task Count(string key, Task put)
    {
        await put;
        if (key.EndsWith(".parquet", StringComparison.Ordinal))
        {
            DataFilesUploaded++;
        }
    }
}
