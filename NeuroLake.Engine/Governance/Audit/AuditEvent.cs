namespace NeuroLake.Engine.Governance.Audit;

/// <summary>
/// An action to record: who (<paramref name="User"/>, a user name), what (<paramref name="Action"/>) on what
/// (<paramref name="Target"/>: a table, a user, a setting; empty when there is none), how it ended, and free details
/// (the statement's text, the error, the privilege granted).
/// </summary>
public sealed record AuditEvent(string User, AuditAction Action, string Target, AuditOutcome Outcome, string Details = "");
