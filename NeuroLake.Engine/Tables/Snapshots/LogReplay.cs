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
