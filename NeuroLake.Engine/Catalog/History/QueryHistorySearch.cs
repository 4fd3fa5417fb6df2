namespace NeuroLake.Engine.Catalog.History;

/// <summary>Which history entries to return, newest first. Null criteria match everything.</summary>
/// <param name="User">Exact user name.</param>
/// <param name="Text">Case-insensitive substring of the statement's text.</param>
/// <param name="Limit">At most this many entries (1–10,000).</param>
public sealed record QueryHistorySearch(string? User = null, string? Text = null, QueryStatus? Status = null, int Limit = 100);
