using System.Collections.Concurrent;

namespace NeuroLake.Engine.Catalog;

/// <summary>
/// Tables with their columns as last read from the catalog, for the lookups every statement makes. An entry serves only
/// while no securable row has changed in this process since it was read (<see cref="CatalogGeneration"/>), and at most
/// a few seconds, which bounds what a second process writing the same catalog database can leave stale.
/// </summary>
internal sealed class CatalogTableCache(CatalogGeneration generation)
{
    private const int Capacity = 4096;
    private static readonly long MaxAgeMs = 5_000;

    private readonly ConcurrentDictionary<(string Catalog, string Schema, string Table), Entry> _entries = new();

    /// <summary>Taken before reading the rows to cache, so a change saved meanwhile makes the entry stale at once.</summary>
    public long Generation => generation.Current;

    public bool TryGet(string catalog, string schema, string table, out TableInfo info)
    {
        if (_entries.TryGetValue((catalog, schema, table), out var entry)
            && entry.Generation == generation.Current && Environment.TickCount64 - entry.ReadAtMs < MaxAgeMs)
        {
            info = entry.Info;
            return true;
        }

        info = null!;
        return false;
    }

    public void Put(long readGeneration, TableInfo info)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries[(info.Path.Catalog, info.Path.Schema!, info.Path.Table!)] = new Entry(readGeneration, Environment.TickCount64, info);
    }

    private sealed record Entry(long Generation, long ReadAtMs, TableInfo Info);
}
