namespace NeuroLake.Engine.Ingestion;

/// <summary>
/// How far an ingestion has got. The ingestion writes it from its own threads; any thread may read it (or subscribe
/// to <see cref="Changed"/>) while it runs. Bytes, rows and percent describe the current <see cref="Phase"/> and restart
/// when the next begins, except <see cref="RowsProcessed"/>, which keeps the latest count known.
/// </summary>
public sealed class IngestionProgress
{
    private readonly Lock _gate = new();
    private IngestionPhase _phase;
    private long _bytesProcessed;
    private long? _bytesTotal;
    private long _rowsProcessed;
    private long? _rowsTotal;
    private double? _percent;
    private Admission.AdmissionWait? _queued;

    /// <summary>Raised after every change, on the thread that made it; handlers must be quick and must not throw.</summary>
    public event Action<IngestionProgress>? Changed;

    public IngestionPhase Phase
    {
        get
        {
            lock (_gate)
            {
                return _phase;
            }
        }
    }

    /// <summary>Bytes of the source handled in this phase (uploaded, or read by DuckDB as far as it can tell).</summary>
    public long BytesProcessed
    {
        get
        {
            lock (_gate)
            {
                return _bytesProcessed;
            }
        }
    }

    /// <summary>The source's size in bytes; null while unknown (an upload without a length).</summary>
    public long? BytesTotal
    {
        get
        {
            lock (_gate)
            {
                return _bytesTotal;
            }
        }
    }

    /// <summary>Source rows handled: estimated while rows are counted or written, exact once a phase has counted them.</summary>
    public long RowsProcessed
    {
        get
        {
            lock (_gate)
            {
                return _rowsProcessed;
            }
        }
    }

    /// <summary>Completion of the current phase, 0..100; null while it cannot be estimated.</summary>
    public double? Percent
    {
        get
        {
            lock (_gate)
            {
                return _percent;
            }
        }
    }

    /// <summary>While the load waits for an ingestion slot (admission control): 1 when it is next; null when not waiting.</summary>
    public int? QueuedPosition
    {
        get
        {
            lock (_gate)
            {
                return _queued?.Position;
            }
        }
    }

    /// <summary>Starts <paramref name="phase"/>: bytes and percent restart; a null <paramref name="bytesTotal"/> keeps the known size.</summary>
    public void Begin(IngestionPhase phase, long? bytesTotal = null)
    {
        lock (_gate)
        {
            _queued = null;
            _phase = phase;
            _bytesProcessed = 0;
            _bytesTotal = bytesTotal ?? _bytesTotal;
            _percent = phase == IngestionPhase.Done ? 100 : _bytesTotal is > 0 ? 0 : null;
        }

        Changed?.Invoke(this);
    }

    /// <summary>The load waits for a slot; raised again as its position may have moved.</summary>
    internal void Queued(Admission.AdmissionWait? wait)
    {
        lock (_gate)
        {
            _queued = wait;
        }

        Changed?.Invoke(this);
    }

    /// <summary>Reports bytes handled in this phase (e.g. uploaded); the percent follows when the size is known.</summary>
    public void ReportBytes(long bytesProcessed)
    {
        lock (_gate)
        {
            _bytesProcessed = bytesProcessed;
            if (_bytesTotal is > 0 and var total)
            {
                _percent = Math.Min(100, 100.0 * bytesProcessed / total);
            }
        }

        Changed?.Invoke(this);
    }

    /// <summary>Reports an exact row count; it also scales row estimates in later phases.</summary>
    internal void ReportRows(long rows)
    {
        lock (_gate)
        {
            _rowsProcessed = rows;
            _rowsTotal = rows;
        }

        Changed?.Invoke(this);
    }

    /// <summary>Reports DuckDB's estimate for the running query; bytes and rows are estimated from it.</summary>
    internal void ReportPercent(double percent)
    {
        percent = Math.Clamp(percent, 0, 100);
        lock (_gate)
        {
            if (percent <= (_percent ?? -1))
            {
                return;
            }

            _percent = percent;
            if (_bytesTotal is { } bytes)
            {
                _bytesProcessed = (long)(bytes * percent / 100);
            }

            if (_rowsTotal is { } rows)
            {
                _rowsProcessed = (long)(rows * percent / 100);
            }
        }

        Changed?.Invoke(this);
    }

    /// <summary>The phase's work is done: percent 100, all bytes (and rows when known) handled.</summary>
    internal void Finish()
    {
        lock (_gate)
        {
            _percent = 100;
            _bytesProcessed = _bytesTotal ?? _bytesProcessed;
            _rowsProcessed = _rowsTotal ?? _rowsProcessed;
        }

        Changed?.Invoke(this);
    }
}
