namespace NeuroLake.Engine.Governance;

/// <summary>
/// The masks and row filters a table carries, for its page. Masks apply to readers without UNMASK; a row filter
/// applies to members of its group (a member of several filtered groups reads the rows any of their filters allow);
/// owners and administrators read everything.
/// </summary>
public sealed record TablePolicy(IReadOnlyList<ColumnMask> Masks, IReadOnlyList<RowFilterInfo> RowFilters);
