using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace NeuroLake.Tests.Ingestion.Arrow;

/// <summary>Arrow IPC files and streams written by Apache.Arrow, as pyarrow or Polars would write them: several record batches of mixed types with nulls.</summary>
internal static class ArrowTestFiles
{
    /// <summary>Rows per batch; several batches prove the reader streams past the first.</summary>
    public const int BatchRows = 1_000;

    public static Schema Schema { get; } = new Schema.Builder()
        .Field(f => f.Name("id").DataType(Int64Type.Default).Nullable(false))
        .Field(f => f.Name("city").DataType(StringType.Default).Nullable(true))
        .Field(f => f.Name("amount").DataType(DoubleType.Default).Nullable(true))
        .Field(f => f.Name("active").DataType(BooleanType.Default).Nullable(true))
        .Field(f => f.Name("seen_at").DataType(new TimestampType(TimeUnit.Microsecond, "UTC")).Nullable(true))
        .Build();

    /// <summary>Writes <paramref name="batches"/> batches to <paramref name="path"/> as an IPC file or stream, optionally zstd-compressed.</summary>
    public static async Task WriteAsync(string path, int batches, bool stream = false, bool zstd = false)
    {
        var options = zstd ? new IpcOptions { CompressionCodec = CompressionCodecType.Zstd, CompressionCodecFactory = new CompressionCodecFactory() } : new IpcOptions();
        await using var file = File.Create(path);
        using ArrowStreamWriter writer = stream ? new ArrowStreamWriter(file, Schema, leaveOpen: true, options) : new ArrowFileWriter(file, Schema, leaveOpen: true, options);
        for (var b = 0; b < batches; b++)
        {
            await writer.WriteRecordBatchAsync(Batch(b));
        }
        await writer.WriteEndAsync();
    }

    /// <summary>Row <c>i</c> (over all batches): id i, city "city-(i % 7)" or null every 10th, amount i / 4, active on even ids, seen at 2026-01-01 plus i minutes.</summary>
    private static RecordBatch Batch(int batch)
    {
        var ids = new Int64Array.Builder();
        var cities = new StringArray.Builder();
        var amounts = new DoubleArray.Builder();
        var active = new BooleanArray.Builder();
        var seen = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, "UTC"));
        for (var r = 0; r < BatchRows; r++)
        {
            long i = (long)batch * BatchRows + r;
            ids.Append(i);
            if (i % 10 == 0)
            {
                cities.AppendNull();
            }
            else
            {
                cities.Append($"city-{i % 7}");
            }
            amounts.Append(i / 4.0);
            active.Append(i % 2 == 0);
            seen.Append(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i));
        }
        return new RecordBatch(Schema, [ids.Build(), cities.Build(), amounts.Build(), active.Build(), seen.Build()], BatchRows);
    }
}
