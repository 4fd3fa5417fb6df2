namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>What the table layer calls after it creates or commits to a table, and to check for drift.</summary>
public interface ICatalogRegistrar
{
    /// <summary>
    /// Creates or updates the table found at <see cref="TableRegistration.Location"/> (creating its catalog and schema if needed);
    /// a schema change records a new schema version with classified changes. Invalid names, duplicate columns, unknown partition
    /// columns, or a name already used by another location throw <see cref="CatalogException"/> and change nothing.
    /// </summary>
    Task<RegistrationResult> RegisterTableAsync(TableRegistration table, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the table at <paramref name="location"/> (after DROP TABLE) with its history, quality, usage and lineage;
    /// false when the catalog did not know it.
    /// </summary>
    Task<bool> UnregisterTableAsync(string location, CancellationToken cancellationToken = default);

    /// <summary>Compares the recorded version and schema of the table at <paramref name="location"/> with the actual ones.</summary>
    Task<CatalogDrift> DetectDriftAsync(
        string location, long actualVersion, IReadOnlyList<ColumnDescriptor> actualColumns, CancellationToken cancellationToken = default);
}
