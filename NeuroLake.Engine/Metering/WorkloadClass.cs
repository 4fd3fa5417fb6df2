using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Metering;

/// <summary>What kind of work used the machine. Stored as its number: append new classes, never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkloadClass>))]
public enum WorkloadClass
{
    /// <summary>A statement someone ran (SQL editor, API, table pages), outside any job.</summary>
    InteractiveQuery = 0,

    /// <summary>Loading data: pipeline jobs and the statements they run.</summary>
    Ingestion = 1,

    /// <summary>OPTIMIZE/VACUUM, quality re-profiling, drift checks, cleanups, metering.</summary>
    Maintenance = 2,

    /// <summary>Backups (no backup job exists yet; reserved so the numbers stay stable).</summary>
    Backup = 3,

    /// <summary>Moving data between storage tiers: the tiering job.</summary>
    Tiering = 4,
}
