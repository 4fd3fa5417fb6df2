using NeuroLake.Engine.Tables.Actions;

namespace NeuroLake.Engine.Tables.Snapshots;

/// <summary>
/// Action reconciliation: files keyed by (path, deletion vector id), latest protocol and metadata win,
/// latest txn per appId, latest domainMetadata per domain (tombstones drop it).
/// </summary>
internal sealed class LogReplay
{
    private readonly Dictionary<(string, string?), AddFile> _files = new();
    private readonly Dictionary<(string, string?), RemoveFile> _tombstones = new();
    private readonly Dictionary<string, SetTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DomainMetadata> _domains = new(StringComparer.Ordinal);

    public ProtocolAction? Protocol { get; private set; }

    public MetadataAction? Metadata { get; private set; }

    /// <summary>A replay that starts from an existing snapshot's state.</summary>
    public static LogReplay From(Snapshot snapshot)
    {
        var replay = new LogReplay { Protocol = snapshot.Protocol, Metadata = snapshot.Metadata };
        foreach (var file in snapshot.Files)
        {
            replay._files[file.Key] = file;
        }

        foreach (var tombstone in snapshot.Tombstones)
        {
            replay._tombstones[tombstone.Key] = tombstone;
        }

        foreach (var (appId, txn) in snapshot.Transactions)
        {
            replay._transactions[appId] = txn;
        }

        foreach (var (domain, value) in snapshot.Domains)
        {
            replay._domains[domain] = value;
        }

        return replay;
    }

    public void Apply(IEnumerable<DeltaAction> actions)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case AddFile add:
                    _files[add.Key] = add;
                    _tombstones.Remove(add.Key);
                    break;
                case RemoveFile remove:
                    _files.Remove(remove.Key);
                    _tombstones[remove.Key] = remove;
                    break;
                case ProtocolAction protocol:
                    Protocol = protocol;
                    break;
                case MetadataAction metadata:
                    Metadata = metadata;
                    break;
                case SetTransaction txn:
                    _transactions[txn.AppId] = txn;
                    break;
                case DomainMetadata domain when domain.Removed:
                    _domains.Remove(domain.Domain);
                    break;
                case DomainMetadata domain:
                    _domains[domain.Domain] = domain;
                    break;
            }
        }
    }

    public IReadOnlyList<AddFile> Files => _files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public IReadOnlyList<RemoveFile> Tombstones => _tombstones.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

    public IReadOnlyDictionary<string, SetTransaction> Transactions => _transactions;

    public IReadOnlyDictionary<string, DomainMetadata> Domains => _domains;
}
