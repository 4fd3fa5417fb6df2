namespace NeuroLake.Engine.Governance.Audit;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    Succeeded,
    Failed,
    Denied,
    Cancelled,
}
