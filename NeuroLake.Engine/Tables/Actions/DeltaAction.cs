namespace NeuroLake.Engine.Tables.Actions;

/// <summary>One line of a Delta commit file (or one row of a checkpoint): a single action.</summary>
public abstract record DeltaAction;
