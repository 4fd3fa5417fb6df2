using System.Text.Json.Serialization;

namespace NeuroLake.Engine.Tiering;

/// <summary>An administrator's word on where a table's files may go. Stored as its number: append, never renumber.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TierOverride>))]
public enum TierOverride
{
    /// <summary>The planner decides by age and reads.</summary>
    Auto = 0,

    /// <summary>Every file stays on (or comes back to) the table's own disk.</summary>
    PinHot = 1,

    /// <summary>Files may go warm but never to the archive (cold) tier; cold files come back warm.</summary>
    NeverArchive = 2,
}
