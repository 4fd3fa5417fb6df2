namespace NeuroLake.Engine.Governance;

/// <summary>A group with its members (user names, sorted).</summary>
public sealed record GroupInfo(string Name, string Description, IReadOnlyList<string> Members, bool IsRole);
