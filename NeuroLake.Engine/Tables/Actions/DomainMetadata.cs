namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>domainMetadata</c> action: configuration for a named metadata domain, carried through unchanged.</summary>
public sealed record DomainMetadata(string Domain, string Configuration, bool Removed) : DeltaAction;
