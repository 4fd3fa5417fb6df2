using NeuroLake.Engine.Backup;

namespace NeuroLake.Web.Api.Backups;

/// <summary>
/// A retention run or dry run: the policy applied, the sets kept and removed (or that would be) with why, and the
/// repository objects no kept set references with their stored bytes.
/// </summary>
public sealed record BackupRetentionJson(
    bool DryRun, BackupRetentionPolicyJson Policy, IReadOnlyList<BackupRetentionSetJson> Kept, IReadOnlyList<BackupRetentionSetJson> Removed,
    int ObjectsRemoved, long BytesRemoved, string? ObjectsKeptBecause)
{
    public static BackupRetentionJson From(BackupRetentionPlan plan, BackupRetentionPolicy policy) => new(
        plan.DryRun, new BackupRetentionPolicyJson(policy.Latest, policy.Daily, policy.Weekly, policy.Monthly),
        plan.Kept.Select(BackupRetentionSetJson.From).ToList(), plan.Removed.Select(BackupRetentionSetJson.From).ToList(),
        plan.ObjectsRemoved, plan.BytesRemoved, plan.ObjectsKeptBecause);
}

/// <summary>The counts of <c>NeuroLake:Backup:Retention</c>: newest sets, and days, weeks and months whose newest set is kept.</summary>
public sealed record BackupRetentionPolicyJson(int Latest, int Daily, int Weekly, int Monthly);

/// <summary>A set in a retention answer: id, when taken, its bytes, and why it is kept or removed.</summary>
public sealed record BackupRetentionSetJson(string Id, DateTimeOffset? CreatedAt, long TotalBytes, string Reason)
{
    public static BackupRetentionSetJson From(BackupRetentionSet set) => new(set.SetId, set.CreatedAt, set.TotalBytes, set.Reason);
}
