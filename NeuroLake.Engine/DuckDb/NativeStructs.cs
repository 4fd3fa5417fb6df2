using System.Runtime.InteropServices;

namespace NeuroLake.Engine.DuckDb;

/// <summary>Layout of <c>duckdb_result</c>: five deprecated fields and the internal pointer.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public IntPtr DeprecatedColumns;
    public IntPtr DeprecatedErrorMessage;
    public IntPtr InternalData;
}

/// <summary><c>duckdb_query_progress_type</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbQueryProgress
{
    public double Percentage;
    public ulong RowsProcessed;
    public ulong TotalRowsToProcess;
}

/// <summary><c>duckdb_hugeint</c>: value = upper * 2^64 + lower.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)value;
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

/// <summary><c>duckdb_uhugeint</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbUHugeInt
{
    public ulong Lower;
    public ulong Upper;

    public DuckDbUHugeInt(UInt128 value)
    {
        Lower = (ulong)value;
        Upper = (ulong)(value >> 64);
    }

    public readonly UInt128 ToUInt128() => new(Upper, Lower);
}

/// <summary><c>duckdb_decimal</c>: width, scale and the unscaled value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

/// <summary><c>duckdb_interval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbIntervalStruct
{
    public int Months;
    public int Days;
    public long Micros;
}

/// <summary>
/// <c>duckdb_string_t</c>, 16 bytes: a 4-byte length, then either the bytes inline (length &lt;= 12)
/// or a 4-byte prefix and a pointer to the bytes.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct DuckDbStringT
{
    internal const int InlineLength = 12;

    [FieldOffset(0)] public uint Length;
    [FieldOffset(4)] public fixed byte Inlined[12];
    [FieldOffset(8)] public byte* Pointer;
}

/// <summary><c>duckdb_list_entry</c>: where a row's elements sit in the child vector.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}
