namespace NeuroLake.Engine.Governance.Audit;

/// <summary>One page of a search: its entries and how many entries match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
