namespace NeuroLake.Engine.Governance.Audit;

/// <summary>
/// Which audit entries to find, newest first: each given criterion must hold. <see cref="Target"/> matches any part of
/// the target, ignoring case; <see cref="From"/> is inclusive and <see cref="To"/> exclusive. A page is
/// <see cref="Take"/> entries (1–1000, default 50) after skipping <see cref="Skip"/>.
/// </summary>
public sealed record AuditSearch
{
    public string? User { get; init; }

    public AuditAction? Action { get; init; }

    public string? Target { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
