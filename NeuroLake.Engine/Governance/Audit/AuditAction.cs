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

    /// <summary>A table's or column's description, tags, owner or PII classification changed in the catalog.</summary>
    CatalogChange,

    /// <summary>A column's PII classification changed from the table page's Columns tab.</summary>
    Classification,
}
