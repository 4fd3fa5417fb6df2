using System.Runtime.InteropServices;
using System.Text;

namespace NeuroLake.Engine.DuckDb;

/// <summary>UTF-8 marshalling for the C API without per-call managed allocations beyond the encoded bytes.</summary>
internal static unsafe class Utf8
{
    /// <summary>Null-terminated UTF-8 copy of <paramref name="value"/>; pin it with <c>fixed</c>.</summary>
    public static byte[] Encode(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    public static string? Decode(byte* value) =>
        value == null ? null : Marshal.PtrToStringUTF8((IntPtr)value);
}
