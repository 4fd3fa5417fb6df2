using NeuroLake.Engine.Tables.Actions;
using NeuroLake.Engine.Tables.Errors;

namespace NeuroLake.Engine.Tables.Transactions;

/// <summary>
/// Delta's optimistic-concurrency rules, checked against each commit that won the race: blind appends never
/// conflict; a concurrent protocol or metadata change does; so do files added where this transaction read,
/// removal of a file this transaction read or also removes, the same application transaction id, or the same domain.
/// </summary>
internal static class ConflictChecker
{
    public static void Check(long winningVersion, IReadOnlyList<DeltaAction> winning, Transaction txn, string location)
    {
        string? reason = null;
        foreach (var action in winning)
        {
            reason = action switch
            {
                ProtocolAction => "it changed the table's protocol",
                MetadataAction => "it changed the table's metadata (schema, partitioning or properties)",
                AddFile add when add.DataChange && txn.ReadSet.Predicate is { } read && read(add) =>
                    $"it added data ('{add.Path}') to files this operation read ({txn.ReadSet.PredicateText})",
                RemoveFile remove when remove.DataChange && txn.ReadSet.Files.Contains(remove.Path) =>
                    $"it removed '{remove.Path}', which this operation read",
                RemoveFile remove when txn.RemovedPaths.Contains(remove.Path) =>
                    $"it also removed '{remove.Path}'",
                SetTransaction t when txn.AppIds.Contains(t.AppId) =>
                    $"it committed the same application transaction '{t.AppId}'",
                DomainMetadata d when txn.Domains.Contains(d.Domain) =>
                    $"it changed the same metadata domain '{d.Domain}'",
                _ => null,
            };
            if (reason is not null)
            {
                break;
            }
        }

        if (reason is not null)
        {
            throw new ConcurrentModificationException(
                $"A concurrent writer committed version {winningVersion} of '{location}' first, and {reason}. "
                + $"This {txn.Operation} was not applied; run it again against the new version.",
                winningVersion);
        }
    }
}
