using NeuroLake.Engine.DuckDb;

namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbDataChunkTests
{
    [Fact]
    public void Chunks_expose_fixed_width_columns_as_spans_and_strings_without_decoding()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader(
            "SELECT i, i * 0.5::DOUBLE, CASE WHEN i % 10 = 0 THEN NULL ELSE 'v' || i END FROM range(10000) t(i)");
        long sum = 0, rows = 0, nulls = 0, bytes = 0;
        double half = 0;
        while (reader.ReadChunk() is { } chunk)
        {
            Assert.InRange(chunk.RowCount, 1, 2048);
            var ids = chunk.GetData<long>(0);
            var doubles = chunk.GetData<double>(1);
            for (var r = 0; r < chunk.RowCount; r++)
            {
                sum += ids[r];
                half += doubles[r];
                if (!chunk.IsValid(2, r))
                {
                    nulls++;
                    continue;
                }

                bytes += chunk.GetByteLength(2, r);
                Assert.Equal("v" + ids[r], chunk.GetString(2, r));
            }

            rows += chunk.RowCount;
        }

        Assert.Equal(10000, rows);
        Assert.Equal(49_995_000, sum);
        Assert.Equal(49_995_000 / 2.0, half);
        Assert.Equal(1000, nulls);
        Assert.Equal(Enumerable.Range(0, 10000).Where(i => i % 10 != 0).Sum(i => 1 + i.ToString().Length), bytes);
    }

    [Fact]
    public void A_chunk_expires_when_the_reader_moves_on()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT range FROM range(5000)");
        var first = reader.ReadChunk()!;
        Assert.NotNull(reader.ReadChunk());
        Assert.Throws<ObjectDisposedException>(() => first.GetData<long>(0));
    }

    [Fact]
    public void GetData_rejects_a_type_of_the_wrong_width()
    {
        using var db = new InMemoryDuckDb();
        using var reader = db.Connection.ExecuteReader("SELECT 1::INTEGER AS n, 'x' AS s");
        var chunk = reader.ReadChunk()!;
        Assert.Equal(1, chunk.GetData<int>(0)[0]);
        Assert.Throws<InvalidCastException>(() => chunk.GetData<long>(0));
        Assert.Throws<InvalidCastException>(() => chunk.GetData<long>(1));
        Assert.True(chunk.GetValidity(0).IsEmpty);
    }
}
