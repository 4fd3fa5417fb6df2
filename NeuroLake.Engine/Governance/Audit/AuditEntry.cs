namespace NeuroLake.Engine.Governance.Audit;

/// <summary>A recorded <see cref="AuditEvent"/> and when it happened.</summary>
public sealed record AuditEntry(Guid Id, DateTimeOffset At, string User, AuditAction Action, string Target, AuditOutcome Outcome, string Details);
