using NeuroLake.Engine.Admission;
using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// The DuckDB database file loads outside SQL run on (the ingest wizard, <c>POST /api/v1/ingest</c>): configured as the
/// query service's heavy database — the heavy threads and memory limit, its own spill folder, worker threads and
/// statements at the heavy nice value — so a big load cannot take an interactive query's memory or cores. A database
/// of its own rather than the heavy one, because loads read staged uploads and write anywhere a table may be: the SQL
/// sandbox's allowed folders stay as narrow as they are. Its memory limit is its own, so heavy statements and loads
/// running at once may together use up to twice <see cref="AdmissionOptions.HeavyMemoryLimit"/>.
/// </summary>
public sealed class IngestionDatabase : IDisposable
{
    private IngestionDatabase(DuckDbDatabase database) => Database = database;

    /// <summary>The database; loads, their target tables and their quarantine tables open on it.</summary>
    public DuckDbDatabase Database { get; }

    /// <summary>
    /// Opens it with <paramref name="admission"/>'s heavy settings; <paramref name="memoryLimit"/> (<c>NeuroLake:DuckDb:MemoryLimit</c>)
    /// when no heavy memory limit is set; spilling to <paramref name="spill"/> (the app's: <c>&lt;scratch&gt;/spill-load</c>).
    /// </summary>
    /// <exception cref="ArgumentException">An admission setting is out of range; names it.</exception>
    public static IngestionDatabase Open(AdmissionOptions admission, string? memoryLimit, string spill)
    {
        ArgumentNullException.ThrowIfNull(admission);
        var settings = admission.HeavySettings(Environment.ProcessorCount, memoryLimit, spill);
        return new IngestionDatabase(DuckDbDatabase.OpenOnThread("duckdb-load", admission.HeavyNice, null, settings));
    }

    /// <summary>
    /// <paramref name="error"/> as the user should read it when DuckDB ran out of memory anywhere in its causes (a load
    /// past the heavy memory limit): which setting limits loads and what to do. Otherwise null.
    /// </summary>
    public static IngestionException? OutOfMemory(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DuckDbException duck && duck.DuckDbMessage.StartsWith("Out of Memory Error", StringComparison.Ordinal))
            {
                return new IngestionException(
                    $"The load ran out of memory ({duck.DuckDbMessage.Split('\n', 2)[0]}). Loads may use NeuroLake:Admission:HeavyMemoryLimit " +
                    "(when unset, NeuroLake:DuckDb:MemoryLimit): raise it, or split the file and load it in parts.", error);
            }
        }

        return null;
    }

    public void Dispose() => Database.Dispose();
}
