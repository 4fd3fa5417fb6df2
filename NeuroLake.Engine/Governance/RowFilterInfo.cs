namespace NeuroLake.Engine.Governance;

/// <summary>Members of <paramref name="Group"/> read only the rows where <paramref name="Predicate"/> holds.</summary>
public sealed record RowFilterInfo(string Group, string Predicate, string CreatedBy, DateTimeOffset CreatedAt);
