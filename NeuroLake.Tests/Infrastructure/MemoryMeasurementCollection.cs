namespace NeuroLake.Tests.Infrastructure;

/// <summary>
/// Tests that measure the process's memory run alone: the managed heap and working set are process-wide, so other
/// tests running beside them (and their background work) would be counted as the measured code's growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurements";
}
