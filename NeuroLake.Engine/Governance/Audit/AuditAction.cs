namespace NeuroLake.Engine.Governance.Audit;

/// <summary>What kind of thing an audit entry records. Stored by name, so new kinds never renumber old rows.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailure,
    TokenUse,
    Statement,
    Grant,
    Revoke,
    Ingestion,
    Maintenance,
    Restore,
    AdminChange,
    Classification,
}
