namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// An open DuckDB database (a file, or in memory when the path is null).
/// Thread rules: a database is safe to share across threads; open one <see cref="DuckDbConnection"/>
/// per thread of work. Every connection keeps its database open: disposing the database while connections
/// are still open is safe, and DuckDB closes it when the last of them is disposed.
/// </summary>
public sealed unsafe class DuckDbDatabase : IDisposable
{
    private readonly DatabaseHandle _handle;

    private DuckDbDatabase(DatabaseHandle handle, string? path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? Path { get; }

    /// <summary>Version of the loaded libduckdb, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => Utf8.Decode(NativeMethods.LibraryVersion()) ?? "unknown";

    internal DatabaseHandle Handle => _handle;

    /// <summary>
    /// True once <see cref="LockConfiguration"/> ran: no statement can change a setting any more, and new connections
    /// skip the per-connection settings they would otherwise make (progress tracking).
    /// </summary>
    public bool IsConfigurationLocked { get; private set; }

    /// <summary>True when every connection's time zone is UTC because <see cref="UseUtcGlobally"/> set it for all.</summary>
    public bool IsUtc { get; private set; }

    /// <summary>
    /// The nice value statements of this database execute at (<see cref="NicedThreads"/>), so they yield the cores to
    /// other work; null: on the caller's thread at its priority. Set by <see cref="OpenOnThread"/>, with DuckDB's own
    /// worker threads at the same nice value.
    /// </summary>
    public int? Nice { get; private set; }

    private DuckDbConnectionPool? _tracked;
    private DuckDbConnectionPool? _quiet;

    /// <summary>Opens (or creates) the database at <paramref name="path"/>; null opens an in-memory database.</summary>
    public static DuckDbDatabase Open(string? path = null, DuckDbSettings? settings = null)
    {
        if (NativeMethods.CreateConfig(out var config) != NativeMethods.DuckDbSuccess)
        {
            throw new DuckDbException("DuckDB could not allocate a configuration.");
        }

        try
        {
            foreach (var (name, value) in (settings ?? new DuckDbSettings()).ToConfig())
            {
                fixed (byte* n = Utf8.Encode(name))
                fixed (byte* v = Utf8.Encode(value))
                {
                    if (NativeMethods.SetConfig(config, n, v) != NativeMethods.DuckDbSuccess)
                    {
                        throw new DuckDbException($"DuckDB rejected the setting {name}='{value}'. Check the option name and value.");
                    }
                }
            }

            var handle = new DatabaseHandle();
            fixed (byte* p = path is null ? null : Utf8.Encode(path))
            {
                var state = NativeMethods.OpenExt(p, out var raw, config, out var error);
                if (state != NativeMethods.DuckDbSuccess)
                {
                    var message = Utf8.Decode(error) ?? "unknown error";
                    NativeMethods.Free(error);
                    throw new DuckDbException($"DuckDB could not open '{path ?? ":memory:"}': {message}");
                }

                System.Runtime.InteropServices.Marshal.InitHandle(handle, raw);
            }

            return new DuckDbDatabase(handle, path);
        }
        finally
        {
            NativeMethods.DestroyConfig(ref config);
        }
    }

    /// <summary>
    /// Opens like <see cref="Open"/>, on a new thread named <paramref name="threadName"/> at nice value
    /// <paramref name="nice"/> (none: the normal priority): DuckDB starts its worker threads while opening, and they
    /// inherit the opener's name and nice value, so they run at that priority and show under that name (<c>top -H</c>,
    /// <c>/proc/self/task/*/comm</c>). Statements then execute at that nice value too (<see cref="Nice"/>). Where the nice
    /// value cannot be set the database opens at normal priority, <see cref="Nice"/> stays null and
    /// <see cref="UnnicedReason"/> says why.
    /// </summary>
    public static DuckDbDatabase OpenOnThread(string threadName, int? nice, string? path, DuckDbSettings settings)
    {
        var database = NicedThreads.RunOnNewThread(threadName, nice is > 0 ? nice : null, () => Open(path, settings), out var unniced);
        database.Nice = unniced is null && nice is > 0 ? nice : null;
        database.UnnicedReason = unniced;
        return database;
    }

    /// <summary>Why <see cref="OpenOnThread"/> could not lower this database's priority as asked; null when it could.</summary>
    public string? UnnicedReason { get; private set; }

    /// <summary>Opens a new connection; each connection is meant for one thread at a time.</summary>
    public DuckDbConnection Connect()
    {
        var connection = DuckDbConnection.Open(this, DuckDbActivity.Current?.TracksProgress ?? true);
        DuckDbConnectionWatch.Opened(connection);
        return connection;
    }

    /// <summary>
    /// A connection that reports <see cref="DuckDbConnection.QueryProgress"/> even when the configuration is locked:
    /// one of those <see cref="ReserveTrackedConnections"/> set up, returned to them on dispose; when all are in use, a
    /// plain <see cref="Connect"/>. Meant for statements that leave no session state behind (queries). Inside a
    /// <see cref="DuckDbActivity"/> begun without progress, the connection tracks none (nobody reads it) and comes
    /// from a second reserve, profiled the same way.
    /// </summary>
    public DuckDbConnection ConnectTracked()
    {
        var progress = DuckDbActivity.Current?.TracksProgress ?? true;
        var connection = (progress ? _tracked : _quiet)?.Rent() ?? DuckDbConnection.Open(this, progress);
        DuckDbConnectionWatch.Opened(connection);
        return connection;
    }

    /// <summary>
    /// Opens <paramref name="count"/> connections with progress tracking on for <see cref="ConnectTracked"/> (and as many
    /// without, for activities nobody watches); call
    /// before <see cref="LockConfiguration"/>, after which no connection can turn tracking on. With
    /// <paramref name="profile"/>, DuckDB's profiler also measures each statement's allocated memory and CPU time, which
    /// the connection hands to the current <see cref="DuckDbActivity"/> when it is returned (profiling, like tracking,
    /// is a per-connection setting DuckDB refuses to set for the whole database).
    /// </summary>
    public void ReserveTrackedConnections(int count, bool profile = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (IsConfigurationLocked)
        {
            throw new InvalidOperationException("Reserve tracked connections before locking the configuration: a locked database cannot turn progress tracking on.");
        }

        _tracked ??= new DuckDbConnectionPool();
        _quiet ??= new DuckDbConnectionPool();
        for (var i = 0; i < count; i++)
        {
            _tracked.Add(Reserved(trackProgress: true, profile));
            _quiet.Add(Reserved(trackProgress: false, profile));
        }
    }

    private DuckDbConnection Reserved(bool trackProgress, bool profile)
    {
        var connection = DuckDbConnection.Open(this, trackProgress);
        if (profile)
        {
            connection.EnableProfiling();
        }

        return connection;
    }

    /// <summary>Sets the TimeZone of every connection, present and future, to UTC; a no-op once done.</summary>
    public void UseUtcGlobally()
    {
        if (IsUtc)
        {
            return;
        }

        using var connection = DuckDbConnection.Open(this);
        connection.Execute("SET GLOBAL TimeZone = 'UTC'");
        IsUtc = true;
    }

    /// <summary>
    /// Locks DuckDB's configuration (<c>lock_configuration</c>): from now on no SET, RESET or PRAGMA of any
    /// connection changes a setting, so SQL that slips past every other check still cannot widen the sandbox.
    /// </summary>
    public void LockConfiguration()
    {
        if (IsConfigurationLocked)
        {
            return;
        }

        using (var connection = DuckDbConnection.Open(this))
        {
            connection.Execute("SET GLOBAL lock_configuration = true");
        }

        IsConfigurationLocked = true;
    }

    /// <summary>Releases the database; it closes once its connections are disposed too.</summary>
    public void Dispose()
    {
        _tracked?.Dispose();
        _quiet?.Dispose();
        _handle.Dispose();
    }
}
