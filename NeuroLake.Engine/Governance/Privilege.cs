namespace NeuroLake.Engine.Governance;

/// <summary>Privileges as Unity Catalog names them; OWNERSHIP is the securable's Owner, not a grant.</summary>
public enum Privilege
{
    UseCatalog,
    UseSchema,
    CreateSchema,
    CreateTable,
    Select,
    Modify,

    /// <summary>Reads columns classified as PII unmasked.</summary>
    Unmask,

    /// <summary>Every privilege above on the securable and what it contains.</summary>
    AllPrivileges,
}
