namespace NeuroLake.Engine.Governance.Audit;

/// <summary>Retention of the audit log, bound from <c>NeuroLake:Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "NeuroLake:Audit";

    /// <summary>Days an entry is kept; older ones are removed by <see cref="AuditLog.ApplyRetentionAsync"/>. Default 365, at least 1.</summary>
    public int RetentionDays { get; set; } = 365;
}
