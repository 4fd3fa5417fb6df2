namespace NeuroLake.Engine.Storage;

/// <summary>
/// Makes <see cref="PutIfAbsentAsync"/> exclusive on a store that cannot refuse an existing key itself (an S3-compatible
/// server that ignores <c>If-None-Match: *</c>): the <see cref="ICommitCoordinator"/> ratifies one content per key
/// before the object is written, and only that content is ever written under the key. A writer that crashed between
/// ratifying and writing is recovered by the next writer of the key, which publishes the ratified content from the
/// coordinator. Every other call goes straight to the inner store.
/// </summary>
public sealed class CoordinatedObjectStore(IObjectStore inner, ICommitCoordinator coordinator) : IObjectStore
{
    public IObjectStore Inner { get; } = inner;

    public string Location => Inner.Location;

    public async Task<bool> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        // An object that exists already (written before the coordinator was used, or published by a winner) is never replaced.
        if (await Inner.GetInfoAsync(key, ct).ConfigureAwait(false) is not null)
        {
            return false;
        }

        if (!await coordinator.TryRatifyAsync(Location, key, data, ct).ConfigureAwait(false))
        {
            // The ratifier may have crashed before publishing: publish for it, so this writer finds the version and moves on.
            await PublishRatifiedAsync(key, ct).ConfigureAwait(false);
            return false;
        }

        // Ratified: the key is ours whatever happens next, so a cancellation must not stop the publish.
        try
        {
            await Inner.PutAsync(key, data, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new CommitNotPublishedException(Location, key, e);
        }

        return true;
    }

    /// <summary>
    /// Writes the ratified content of <paramref name="key"/> when its object is missing: its ratifier crashed, or has not
    /// written it yet (then both write the same bytes). Afterwards the key's object exists and agrees with the coordinator.
    /// </summary>
    public async Task<bool> PublishRatifiedAsync(string key, CancellationToken ct = default)
    {
        var ratified = await coordinator.GetRatifiedAsync(Location, key, ct).ConfigureAwait(false);
        if (ratified is null || await Inner.GetInfoAsync(key, ct).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await Inner.PutAsync(key, ratified, ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A commit file is read from the coordinator when it ratified it: readers then never see content that disagrees with
    /// the row, even on servers that expose an object while it is still being written (s3rver). Other keys, and commits
    /// written before coordination, are read from the store.
    /// </summary>
    public async Task<byte[]> GetAsync(string key, CancellationToken ct = default)
    {
        if (IsCommitKey(key) && await coordinator.GetRatifiedAsync(Location, key, ct).ConfigureAwait(false) is { } ratified)
        {
            return ratified;
        }

        return await Inner.GetAsync(key, ct).ConfigureAwait(false);
    }

    // Delta commit files: the only keys the engine creates with PutIfAbsentAsync.
    private static bool IsCommitKey(string key) =>
        key.StartsWith("_delta_log/", StringComparison.Ordinal) && key.EndsWith(".json", StringComparison.Ordinal) && key.IndexOf('/', "_delta_log/".Length) < 0;

    public Task<byte[]> GetRangeAsync(string key, long offset, int length, CancellationToken ct = default) => Inner.GetRangeAsync(key, offset, length, ct);

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, CancellationToken ct = default) => Inner.PutAsync(key, data, ct);

    public Task PutAsync(string key, Stream content, CancellationToken ct = default) => Inner.PutAsync(key, content, ct);

    public Task<IReadOnlyList<ObjectInfo>> ListAsync(string prefix, string? startAfter = null, CancellationToken ct = default) => Inner.ListAsync(prefix, startAfter, ct);

    public Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default) => Inner.GetInfoAsync(key, ct);

    public Task DeleteAsync(string key, CancellationToken ct = default) => Inner.DeleteAsync(key, ct);

    public string? GetLocalPath(string key) => Inner.GetLocalPath(key);

    public Cache.FileCache? Cache => Inner.Cache;
}
