namespace NeuroLake.Engine.Metering;

/// <summary>
/// What a metered record is: one statement, one job run (whose own record excludes its statements and loads), or one
/// file load outside SQL. Stored as its number: append, never renumber.
/// </summary>
public enum WorkSource
{
    Statement = 0,
    JobRun = 1,
    Ingestion = 2,
}
