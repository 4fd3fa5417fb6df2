namespace NeuroLake.Engine.Governance.Audit;

/// <summary>A row of <c>audit_log</c>; <see cref="TargetSearch"/> is the lower-cased target for case-insensitive matching on every provider.</summary>
internal sealed class AuditRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>UTC ticks of <see cref="At"/>: orders entries within one millisecond.</summary>
    public long AtTicks { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public string Target { get; set; } = "";

    public string TargetSearch { get; set; } = "";

    public string Outcome { get; set; } = "";

    public string Details { get; set; } = "";
}
