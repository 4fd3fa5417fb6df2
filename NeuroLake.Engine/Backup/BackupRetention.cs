namespace NeuroLake.Engine.Backup;

/// <summary>
/// Applies a <see cref="BackupRetentionPolicy"/> to a repository: sets the policy does not keep are removed manifest
/// first (so a crash leaves only unreferenced objects, never a set missing files), then every object no kept set
/// references. A set verified unusable holds no slot, since nothing can be restored from it. While any set's manifest
/// cannot be read, no object is pruned: what that set references is unknown. The caller keeps backups from running
/// meanwhile, or their not-yet-listed objects would look unreferenced: when it cannot, it passes why objects must stay.
/// </summary>
internal sealed class BackupRetention(BackupRepository repository)
{
    /// <param name="objectsHeldBecause">Why no object may be pruned this time (a backup of another process is running), or null.</param>
    public async Task<BackupRetentionPlan> RunAsync(BackupRetentionPolicy policy, bool dryRun, CancellationToken ct, string? objectsHeldBecause = null)
    {
        policy.Validate();
        var readable = new List<(BackupManifest Manifest, bool Unusable)>();
        var unreadable = new List<string>();
        foreach (var id in await repository.ListSetsAsync(ct).ConfigureAwait(false))
        {
            try
            {
                var manifest = await repository.ReadManifestAsync(id, ct).ConfigureAwait(false);
                var verify = await repository.ReadVerifyResultAsync(id, ct).ConfigureAwait(false);
                readable.Add((manifest, verify is { Usable: false }));
            }
            catch (BackupException)
            {
                unreadable.Add(id);
            }
        }

        var keep = GrandfatherFatherSon.Keep(readable.Where(s => !s.Unusable).Select(s => (s.Manifest.SetId, s.Manifest.CreatedAt)), policy);
        var kept = readable.Where(s => keep.ContainsKey(s.Manifest.SetId)).Select(s => s.Manifest).ToList();
        var removed = readable.Where(s => !keep.ContainsKey(s.Manifest.SetId)).ToList();

        var referenced = kept.SelectMany(m => m.AllFiles).Select(f => RepositoryLayout.ObjectKey(f.Sha256)).ToHashSet(StringComparer.Ordinal);
        var prunable = unreadable.Count > 0 || objectsHeldBecause is not null
            ? []
            : (await repository.Store.ListAsync(RepositoryLayout.ObjectsPrefix, null, ct).ConfigureAwait(false)).Where(o => !referenced.Contains(o.Key)).ToList();

        if (!dryRun)
        {
            foreach (var (manifest, _) in removed)
            {
                await repository.DeleteSetAsync(manifest.SetId, ct).ConfigureAwait(false);
            }

            foreach (var unreferenced in prunable)
            {
                await repository.Store.DeleteAsync(unreferenced.Key, ct).ConfigureAwait(false);
            }
        }

        return new BackupRetentionPlan(
            dryRun,
            [.. kept.Select(m => new BackupRetentionSet(m.SetId, m.CreatedAt, m.TotalBytes, $"kept: {keep[m.SetId]}")),
             .. unreadable.Select(id => new BackupRetentionSet(id, null, 0, "kept: its manifest cannot be read, so retention leaves it for you to inspect"))],
            [.. removed.Select(s => new BackupRetentionSet(
                s.Manifest.SetId, s.Manifest.CreatedAt, s.Manifest.TotalBytes, s.Unusable ? "removed: verify found it unusable" : "removed: outside every retention count"))],
            prunable.Count,
            prunable.Sum(o => o.Size),
            unreadable.Count > 0
                ? $"{unreadable.Count} set(s) have a manifest that cannot be read; objects are pruned only when every set's files are known."
                : objectsHeldBecause);
    }
}
