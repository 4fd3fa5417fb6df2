namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// A DuckDB INTERVAL: months, days and microseconds are kept apart, as DuckDB does,
/// because a month or a day has no fixed length.
/// </summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros);

/// <summary>A DuckDB TIME WITH TIME ZONE: a time of day and its offset from UTC.</summary>
public readonly record struct DuckDbTimeTz(TimeOnly Time, TimeSpan Offset);
