namespace NeuroLake.Engine.Tables.Actions;

/// <summary>The <c>txn</c> action: an application's progress marker, for idempotent writes.</summary>
public sealed record SetTransaction(string AppId, long Version, long? LastUpdated = null) : DeltaAction;
