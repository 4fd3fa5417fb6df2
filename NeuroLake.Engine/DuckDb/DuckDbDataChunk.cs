using System.Runtime.CompilerServices;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>
/// One chunk of a streaming result (up to 2048 rows), read column by column straight from DuckDB's vectors.
/// Valid until the reader's next Read/ReadChunk or Dispose; after that every member throws
/// <see cref="ObjectDisposedException"/> (spans obtained earlier must not be used either).
/// </summary>
public sealed unsafe class DuckDbDataChunk
{
    private readonly DuckDbDataReader _reader;
    private readonly int _generation;

    internal DuckDbDataChunk(DuckDbDataReader reader, int generation, int rowCount)
    {
        _reader = reader;
        _generation = generation;
        RowCount = rowCount;
    }

    /// <summary>Rows in this chunk.</summary>
    public int RowCount { get; }

    /// <summary>Columns in this chunk (the result's columns).</summary>
    public int ColumnCount => _reader.FieldCount;

    public DuckDbLogicalType GetColumnType(int column) => Column(column).Type;

    /// <summary>
    /// The column's values in DuckDB's own fixed-width layout, one per row, without copying:
    /// BOOLEAN as byte; integers as their width; FLOAT/DOUBLE; DATE as int days since 1970-01-01;
    /// TIME/TIMESTAMP* as long (micro-, milli-, nano- or seconds as the type says); DECIMAL as its storage integer;
    /// HUGEINT/UUID/INTERVAL as 16-byte values. Entries of NULL rows are undefined: check <see cref="IsValid"/>.
    /// </summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/>'s size differs from the column's, or the column is not fixed-width.</exception>
    public ReadOnlySpan<T> GetData<T>(int column)
        where T : unmanaged
    {
        var vector = Column(column);
        if (FixedWidth(vector.Type) != sizeof(T))
        {
            ThrowHelper.InvalidCast(vector.Name, vector.Type, $"a span of {typeof(T).Name}");
        }

        return new ReadOnlySpan<T>(vector.Data, RowCount);
    }

    /// <summary>DuckDB's validity bitmask for the column (bit r of word r/64 set = row r not NULL); empty when no row is NULL.</summary>
    public ReadOnlySpan<ulong> GetValidity(int column)
    {
        var vector = Column(column);
        return vector.Validity == null ? default : new ReadOnlySpan<ulong>(vector.Validity, (RowCount + 63) / 64);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(int column, int row) => Cell(column, row).IsValid(row);

    /// <summary>The value in its CLR form (as <see cref="DuckDbDataReader.GetValue"/>), or null.</summary>
    public object? GetValue(int column, int row) => Cell(column, row).GetValue(row);

    public T GetFieldValue<T>(int column, int row) => ValueAccess.Get<T>(Cell(column, row), row);

    public long GetInt64(int column, int row) => Cell(column, row).GetInt64(row);

    public double GetDouble(int column, int row) => Cell(column, row).GetDouble(row);

    public DateTime GetDateTime(int column, int row) => Cell(column, row).GetDateTime(row);

    /// <summary>A VARCHAR (or ENUM) value decoded to a string.</summary>
    public string GetString(int column, int row) => Cell(column, row).GetString(row);

    /// <summary>The UTF-8 bytes of a VARCHAR, or the bytes of a BLOB, without copying or decoding.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column, int row)
    {
        var vector = Cell(column, row);
        if (vector.Type.Id is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            ThrowHelper.InvalidCast(vector.Name, vector.Type, "UTF-8 bytes");
        }

        return vector.GetUtf8(row);
    }

    /// <summary>The length in UTF-8 bytes of a VARCHAR (or of a BLOB), read from the string header without decoding.</summary>
    public int GetByteLength(int column, int row)
    {
        var vector = Cell(column, row);
        if (vector.Type.Id is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            ThrowHelper.InvalidCast<int>(vector.Name, vector.Type);
        }

        return vector.GetByteLength(row);
    }

    /// <summary>The length in UTF-16 chars a VARCHAR would decode to, computed without allocating.</summary>
    public int GetCharCount(int column, int row) => Encoding.UTF8.GetCharCount(GetUtf8(column, row));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnVector Column(int column)
    {
        if (_reader.Generation != _generation)
        {
            ThrowHelper.ChunkExpired();
        }

        return _reader.Columns[column];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ColumnVector Cell(int column, int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The chunk has {RowCount} rows.");
        }

        return Column(column);
    }

    private static int FixedWidth(DuckDbLogicalType type) => type.StorageId switch
    {
        DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.UTinyInt => 1,
        DuckDbType.SmallInt or DuckDbType.USmallInt => 2,
        DuckDbType.Integer or DuckDbType.UInteger or DuckDbType.Float or DuckDbType.Date => 4,
        DuckDbType.BigInt or DuckDbType.UBigInt or DuckDbType.Double or DuckDbType.Time or DuckDbType.TimeNs
            or DuckDbType.TimeTz or DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs
            or DuckDbType.TimestampNs or DuckDbType.TimestampTz => 8,
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Uuid or DuckDbType.Interval => 16,
        _ => -1,
    };
}
