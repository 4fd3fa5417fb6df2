namespace NeuroLake.Engine.Catalog.Registration;

/// <summary>
/// What the table layer knows about a Delta table after a create or commit: plain values, so an adapter in
/// <c>Tables</c> can build it from a snapshot without the catalog depending on Tables.
/// </summary>
/// <param name="CreatedBy">The user whose write created the table (from the commit), when the catalog does not learn it from <paramref name="Owner"/>.</param>
public sealed record TableRegistration(
    string Catalog,
    string Schema,
    string Name,
    string Location,
    IReadOnlyList<ColumnDescriptor> Columns,
    long Version,
    long SizeBytes = 0,
    long FileCount = 0,
    int MinReaderVersion = 1,
    int MinWriterVersion = 2,
    IReadOnlyList<string>? PartitionColumns = null,
    IReadOnlyDictionary<string, string>? Properties = null,
    string Owner = "",
    string Description = "",
    string? CreatedBy = null);

/// <summary>What a registration did.</summary>
public enum RegistrationOutcome
{
    /// <summary>The table was new to the catalog.</summary>
    Created,

    /// <summary>The recorded version, statistics or schema moved forward.</summary>
    Updated,

    /// <summary>Nothing differed from what was recorded.</summary>
    Unchanged,

    /// <summary>The registration described an older version than the catalog holds, so it was ignored.</summary>
    Stale,
}

/// <summary>The result of <see cref="ICatalogRegistrar.RegisterTableAsync"/>; <see cref="Changes"/> is empty unless the schema changed.</summary>
public sealed record RegistrationResult(
    Guid TableId,
    RegistrationOutcome Outcome,
    int SchemaVersion,
    IReadOnlyList<SchemaHistory.SchemaChange> Changes);
