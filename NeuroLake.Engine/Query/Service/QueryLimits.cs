namespace NeuroLake.Engine.Query.Service;

/// <summary>The row limit and statement timeout in force; replaced whole so a statement never sees half a change.</summary>
internal sealed record QueryLimits(int RowLimit, TimeSpan StatementTimeout);
