using System.Text.Json;
using NeuroLake.Engine.Storage;

namespace NeuroLake.Engine.Backup;

/// <summary>
/// Keeps backups and retention of different processes (the app, the command line, another host) from undoing each
/// other: a backup adds objects before its manifest names them, and skips objects the repository already holds, so
/// retention pruning meanwhile could delete files the new set needs. Each side writes its lock (<c>locks/&lt;kind&gt;-&lt;id&gt;.json</c>)
/// and only then looks for the other's, so of two that overlap at least one sees the other: a backup waits for
/// retention to finish; retention leaves unreferenced objects for its next run. A lock older than <see cref="Stale"/>,
/// or of this machine and a process that no longer runs, is one a crashed process left and is ignored.
/// </summary>
internal sealed class RepositoryLocks(IObjectStore store, TimeProvider time)
{
    public const string Prefix = "locks/";

    public static readonly TimeSpan Stale = TimeSpan.FromHours(24);

    public const string Backup = "backup";

    public const string Retention = "retention";

    /// <summary>Writes a lock of <paramref name="kind"/>; disposing the answer removes it.</summary>
    public async Task<Held> TakeAsync(string kind, CancellationToken ct)
    {
        var key = $"{Prefix}{kind}-{Guid.NewGuid():N}.json";
        var holder = new LockHolder(Environment.MachineName, Environment.ProcessId, time.GetUtcNow());
        await store.PutAsync(key, JsonSerializer.SerializeToUtf8Bytes(holder, BackupRepository.Json), ct).ConfigureAwait(false);
        return new Held(store, key);
    }

    /// <summary>The live locks of <paramref name="kind"/> other than <paramref name="own"/>: who holds them and since when.</summary>
    public async Task<IReadOnlyList<LockHolder>> OthersAsync(string kind, Held? own, CancellationToken ct)
    {
        var holders = new List<LockHolder>();
        foreach (var entry in await store.ListAsync($"{Prefix}{kind}-", null, ct).ConfigureAwait(false))
        {
            if (entry.Key == own?.Key)
            {
                continue;
            }

            try
            {
                var holder = JsonSerializer.Deserialize<LockHolder>(await store.GetAsync(entry.Key, ct).ConfigureAwait(false), BackupRepository.Json);
                if (holder is not null && time.GetUtcNow() - holder.Since < Stale && !holder.IsDeadHere())
                {
                    holders.Add(holder);
                }
            }
            catch (Exception e) when (e is ObjectNotFoundException or JsonException)
            {
                // Released meanwhile, or not a lock we wrote: neither holds anything.
            }
        }

        return holders;
    }

    /// <summary>Who holds a lock: host, process and since when.</summary>
    public sealed record LockHolder(string Host, int Process, DateTimeOffset Since)
    {
        /// <summary>A lock of this machine whose process has ended (killed, crashed) holds nothing, whatever its age.</summary>
        public bool IsDeadHere()
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(Process);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        public override string ToString() => FormattableString.Invariant($"process {Process} on {Host} since {Since:yyyy-MM-dd HH:mm} UTC");
    }

    public sealed class Held(IObjectStore store, string key) : IAsyncDisposable
    {
        public string Key => key;

        public async ValueTask DisposeAsync() => await store.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
    }
}
