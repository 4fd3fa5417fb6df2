using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace NeuroLake.Engine.Ingestion.Detection;

/// <summary>
/// Checks that a record batch's buffers hold what its lengths and offsets promise before DuckDB reads them. DuckDB
/// trusts Arrow buffers as native memory, and Apache.Arrow reads message bodies without checking their layout, so a
/// crafted or damaged upload would otherwise make DuckDB read past a buffer or allocate without bound and take the
/// process down. Types without a check here are refused by name.
/// </summary>
internal static class ArrowBatchCheck
{
    /// <exception cref="IngestionException">A column's buffers are inconsistent, or its type is one ingestion does not read.</exception>
    public static void Check(RecordBatch batch, string fileName)
    {
        for (var i = 0; i < batch.ColumnCount; i++)
        {
            var column = batch.Schema.GetFieldByIndex(i).Name;
            var data = batch.Column(i).Data;
            if (data.Length != batch.Length)
            {
                throw Damaged(fileName, column, $"{data.Length:N0} values in a batch of {batch.Length:N0} rows");
            }
            Check(data, fileName, column);
        }
    }

    private static void Check(ArrayData data, string file, string column)
    {
        if (data.Length < 0 || data.Offset < 0)
        {
            throw Damaged(file, column, "a negative length or offset");
        }
        long end = (long)data.Offset + data.Length;
        if (data.Buffers.Length > 0 && !data.Buffers[0].IsEmpty && data.Buffers[0].Length * 8L < end)
        {
            throw Damaged(file, column, "a validity bitmap shorter than its values");
        }
        if (data.NullCount > 0 && (data.Buffers.Length == 0 || data.Buffers[0].IsEmpty) && data.DataType.TypeId != ArrowTypeId.Null)
        {
            throw Damaged(file, column, "nulls without a validity bitmap");
        }
        switch (data.DataType)
        {
            case NullType:
                return;
            case BooleanType:
                Require(data, 1, (end + 7) / 8, file, column);
                return;
            case DictionaryType dictionary:
                CheckDictionary(data, dictionary, end, file, column);
                return;
            case FixedSizeBinaryType binary:
                Require(data, 1, end * binary.ByteWidth, file, column);
                return;
            case FixedWidthType fixedWidth:
                Require(data, 1, (end * fixedWidth.BitWidth + 7) / 8, file, column);
                return;
            case StringType or BinaryType:
                CheckOffsets(data, wide: false, end, Buffer(data, 2).Length, file, column);
                return;
            case LargeStringType or LargeBinaryType:
                CheckOffsets(data, wide: true, end, Buffer(data, 2).Length, file, column);
                return;
            case ListType or MapType:
                CheckOffsets(data, wide: false, end, Child(data, 0, file, column).Length, file, column);
                Check(data.Children[0], file, column);
                return;
            case LargeListType:
                CheckOffsets(data, wide: true, end, Child(data, 0, file, column).Length, file, column);
                Check(data.Children[0], file, column);
                return;
            case FixedSizeListType list:
                if (Child(data, 0, file, column).Length < end * list.ListSize)
                {
                    throw Damaged(file, column, "fewer list items than its lists hold");
                }
                Check(data.Children[0], file, column);
                return;
            case StructType @struct:
                for (var c = 0; c < @struct.Fields.Count; c++)
                {
                    if (Child(data, c, file, column).Length < end)
                    {
                        throw Damaged(file, column, "a struct field shorter than the struct");
                    }
                    Check(data.Children[c], file, $"{column}.{@struct.Fields[c].Name}");
                }
                return;
            default:
                throw new IngestionException(
                    $"'{file}' has column '{column}' of Arrow type {data.DataType.Name}, which ingestion does not read: cast it to a plain type (string, integer, list, struct) and upload it again.");
        }
    }

    private static void CheckDictionary(ArrayData data, DictionaryType type, long end, string file, string column)
    {
        if (data.Dictionary is null)
        {
            throw Damaged(file, column, "dictionary indices without a dictionary");
        }
        Check(data.Dictionary, file, column);
        var width = ((FixedWidthType)type.IndexType).BitWidth / 8;
        var indices = Require(data, 1, end * width, file, column);
        var validity = data.Buffers[0];
        for (long i = data.Offset; i < end; i++)
        {
            if (!validity.IsEmpty && (validity.Span[(int)(i >> 3)] & (1 << (int)(i & 7))) == 0)
            {
                continue;
            }
            var index = width switch
            {
                1 => indices[(int)i],
                2 => BinaryPrimitives.ReadInt16LittleEndian(indices.Slice((int)(i * 2))),
                4 => BinaryPrimitives.ReadInt32LittleEndian(indices.Slice((int)(i * 4))),
                _ => BinaryPrimitives.ReadInt64LittleEndian(indices.Slice((int)(i * 8))),
            };
            if (index < 0 || index >= data.Dictionary.Length)
            {
                throw Damaged(file, column, "a dictionary index outside its dictionary");
            }
        }
    }

    /// <summary>Offsets that never decrease and stay inside <paramref name="limit"/> (the data bytes or child values).</summary>
    private static void CheckOffsets(ArrayData data, bool wide, long end, long limit, string file, string column)
    {
        var size = wide ? 8 : 4;
        var offsets = Require(data, 1, (end + 1) * size, file, column);
        long previous = -1;
        for (long i = data.Offset; i <= end; i++)
        {
            var at = (int)(i * size);
            var value = wide ? BinaryPrimitives.ReadInt64LittleEndian(offsets[at..]) : BinaryPrimitives.ReadInt32LittleEndian(offsets[at..]);
            if (value < 0 || value < previous || value > limit)
            {
                throw Damaged(file, column, "offsets outside its values");
            }
            previous = value;
        }
    }

    private static ReadOnlySpan<byte> Require(ArrayData data, int buffer, long bytes, string file, string column)
    {
        var span = Buffer(data, buffer).Span;
        if (span.Length < bytes)
        {
            throw Damaged(file, column, "a values buffer shorter than its length");
        }
        return span;
    }

    private static ArrowBuffer Buffer(ArrayData data, int index) => index < data.Buffers.Length ? data.Buffers[index] : ArrowBuffer.Empty;

    private static ArrayData Child(ArrayData data, int index, string file, string column) =>
        index < data.Children.Length ? data.Children[index] : throw Damaged(file, column, "a missing child array");

    private static IngestionException Damaged(string file, string column, string what) =>
        new($"'{file}' is damaged: column '{column}' has {what}. Upload the complete, undamaged file.");
}
