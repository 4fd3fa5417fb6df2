namespace NeuroLake.Engine.Catalog;

/// <summary>A catalog or schema as the catalog records it: who owns it, what it is for, and when it was made and last changed.</summary>
public sealed record SecurableInfo(
    Guid Id,
    SecurablePath Path,
    string Owner,
    string Description,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
