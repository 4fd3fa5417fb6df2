using System.Text.Json.Nodes;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;
using NeuroLake.Engine.Tables.Log;
using NeuroLake.Engine.Tables.Snapshots;
using NeuroLake.Engine.Telemetry;

namespace NeuroLake.Engine.Tables.Transactions;

/// <summary>
/// One optimistic transaction: the snapshot it read, what it read from it, and the actions to commit.
/// <see cref="CommitAsync"/> writes <c>_delta_log/&lt;version&gt;.json</c> only if absent; on losing the race it
/// checks the winning commits for conflicts and retries at the next version, or throws.
/// </summary>
internal sealed class Transaction(IObjectStore store, Snapshot? readSnapshot, string operation, DeltaTableOptions options)
{
    private readonly List<DeltaAction> _actions = [];

    public Snapshot? ReadSnapshot { get; } = readSnapshot;

    public string Operation { get; } = operation;

    public ReadSet ReadSet { get; } = new();

    public Dictionary<string, string> OperationParameters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> OperationMetrics { get; } = new(StringComparer.Ordinal);

    public ProtocolAction? NewProtocol { get; set; }

    public MetadataAction? NewMetadata { get; set; }

    public HashSet<string> RemovedPaths { get; } = new(StringComparer.Ordinal);

    public HashSet<string> AppIds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Domains { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<DeltaAction> Actions => _actions;

    public void Add(DeltaAction action)
    {
        switch (action)
        {
            case RemoveFile remove:
                RemovedPaths.Add(remove.Path);
                break;
            case SetTransaction txn:
                AppIds.Add(txn.AppId);
                break;
            case DomainMetadata domain:
                Domains.Add(domain.Domain);
                break;
            case ProtocolAction or MetadataAction or CommitInfo:
                throw new InvalidOperationException("Set NewProtocol/NewMetadata instead; commitInfo is written by the commit.");
        }

        _actions.Add(action);
    }

    public void AddRange(IEnumerable<DeltaAction> actions)
    {
        foreach (var action in actions)
        {
            Add(action);
        }
    }

    private ProtocolAction Protocol => NewProtocol ?? ReadSnapshot?.Protocol ?? throw new InvalidOperationException("A new table needs a protocol.");

    private MetadataAction Metadata => NewMetadata ?? ReadSnapshot?.Metadata ?? throw new InvalidOperationException("A new table needs metadata.");

    public async Task<CommitResult> CommitAsync(SnapshotLoader loader, CancellationToken ct)
    {
        using var span = EngineTelemetry.Source.StartActivity("commit");
        span?.SetTag("neurolake.operation", Operation);
        try
        {
            var result = await CommitWithRetriesAsync(loader, ct).ConfigureAwait(false);
            EngineTelemetry.Committed(Operation, result.Attempts, _actions.OfType<AddFile>().Sum(a => a.Size));
            span?.SetTag("neurolake.version", result.Version);
            return result;
        }
        catch (ConcurrentModificationException)
        {
            EngineTelemetry.CommitConflict(Operation);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "conflict");
            throw;
        }
    }

    private async Task<CommitResult> CommitWithRetriesAsync(SnapshotLoader loader, CancellationToken ct)
    {
        if (ReadSnapshot is not null)
        {
            ProtocolGate.CheckWrite(ReadSnapshot.Protocol, ReadSnapshot.Metadata, store.Location);
        }

        var version = (ReadSnapshot?.Version ?? -1) + 1;
        var previousIct = ReadSnapshot?.InCommitTimestamp;
        var retriedOverWinners = false;
        for (var attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var now = options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            long? ict = TableProperties.InCommitTimestampsEnabled(Protocol, Metadata) ? Math.Max(now, (previousIct ?? long.MinValue) + 1) : null;
            var commitInfo = BuildCommitInfo(ict ?? now, ict);
            var content = ActionWriter.ToCommitFile(AllActions(commitInfo));
            if (await store.PutIfAbsentAsync(LogFileName.CommitKey(version), content, ct).ConfigureAwait(false))
            {
                var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ict ?? now);
                var snapshot = retriedOverWinners || ReadSnapshot is null
                    ? await loader.LoadAsync(version, CancellationToken.None).ConfigureAwait(false)
                    : ApplyTo(ReadSnapshot, version, timestamp, ict);
                return new CommitResult(version, timestamp, OperationMetrics, attempt, snapshot);
            }

            if (ReadSnapshot is null && version == 0)
            {
                throw new TableAlreadyExistsException(store.Location);
            }

            if (attempt >= options.MaxCommitAttempts)
            {
                throw new ConcurrentModificationException(
                    $"'{store.Location}' is changing too fast: this {Operation} lost the race for a version {attempt} times (last at version {version}). Try again later.",
                    version);
            }

            // Lost the race: every commit since our read must be checked, then try the version after the newest.
            var listing = await LogListing.ListAsync(store, version, ct).ConfigureAwait(false);
            var winners = listing.Commits.Where(c => c.Version >= version).ToList();
            foreach (var winner in winners)
            {
                var actions = await CommitFileReader.ReadAsync(store, winner.Key, ct).ConfigureAwait(false);
                ConflictChecker.Check(winner.Version, actions, this, store.Location);
                previousIct = actions.OfType<CommitInfo>().FirstOrDefault()?.InCommitTimestamp ?? previousIct;
                version = winner.Version + 1;
            }

            retriedOverWinners = true;
        }
    }

    private IEnumerable<DeltaAction> AllActions(CommitInfo commitInfo)
    {
        // commitInfo first: in-commit timestamps require it.
        yield return commitInfo;
        if (NewProtocol is not null)
        {
            yield return NewProtocol;
        }

        if (NewMetadata is not null)
        {
            yield return NewMetadata;
        }

        foreach (var action in _actions)
        {
            yield return action;
        }
    }

    private CommitInfo BuildCommitInfo(long timestamp, long? inCommitTimestamp)
    {
        var fields = new JsonObject();
        if (inCommitTimestamp is { } ict)
        {
            fields["inCommitTimestamp"] = ict;
        }

        fields["timestamp"] = timestamp;
        if (options.UserName is { } user)
        {
            fields["userName"] = user;
        }

        fields["operation"] = Operation;
        var parameters = new JsonObject();
        foreach (var (key, value) in OperationParameters)
        {
            parameters[key] = value;
        }

        fields["operationParameters"] = parameters;
        if (ReadSnapshot is not null)
        {
            fields["readVersion"] = ReadSnapshot.Version;
        }

        fields["isolationLevel"] = "Serializable";
        fields["isBlindAppend"] = ReadSet.IsEmpty && RemovedPaths.Count == 0 && NewMetadata is null;
        var metrics = new JsonObject();
        foreach (var (key, value) in OperationMetrics)
        {
            metrics[key] = value;
        }

        fields["operationMetrics"] = metrics;
        fields["engineInfo"] = options.EngineInfo;
        fields["txnId"] = Guid.NewGuid().ToString();
        return new CommitInfo(fields);
    }

    private Snapshot ApplyTo(Snapshot previous, long version, DateTimeOffset timestamp, long? ict)
    {
        var replay = LogReplay.From(previous);
        if (NewProtocol is not null)
        {
            replay.Apply([NewProtocol]);
        }

        if (NewMetadata is not null)
        {
            replay.Apply([NewMetadata]);
        }

        replay.Apply(_actions);
        return new Snapshot(store, version, replay.Protocol!, replay.Metadata!, replay.Files, replay.Tombstones, replay.Transactions, replay.Domains, timestamp, ict, previous.CheckpointVersion, 0);
    }
}
