namespace NeuroLake.Engine.Metering;

/// <summary>Whether a metered record is one statement or one job run (whose own record excludes its statements).</summary>
public enum WorkSource
{
    Statement = 0,
    JobRun = 1,
}
