using System.Globalization;
using System.Text;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Quality;
using NeuroLake.Engine.Tables.Reads;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>
/// The profile after a big load reads blocks of consecutive rows from each written file instead of the whole table:
/// the blocks must reach every file and both ends of it, and tables of many small files keep the hash sample.
/// </summary>
public sealed class LoadedTableSampleTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private const int Rows = 150_000;
    private readonly LoadFixture _f = new(duck);

    private IngestionLoader Loader => new(duck.Database);

    private static string Orders(int first, int count)
    {
        var text = new StringBuilder("id,amount,note\n");
        for (var i = first; i < first + count; i++)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{i},{i % 1000}.5,{(i % 9 == 0 ? "" : "n" + (i % 40))}\n"));
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_big_single_file_table_is_sampled_in_blocks_reaching_its_first_and_last_rows()
    {
        var table = _f.Table("one");
        await Loader.LoadAsync(new LoadRequest(table, await _f.ProposeAsync(_f.Write("one.csv", Orders(1, Rows))), LoadMode.NewTable));
        var snapshot = await table.GetSnapshotAsync();

        var plan = RowBlockSample.Plan(snapshot, SnapshotProfiler.SampleRows);

        Assert.NotNull(plan);
        var sample = SnapshotRelation.ToSql(snapshot, plan.Value.Filter);
        Assert.Equal(plan.Value.Rows, _f.Count($"SELECT count(*) FROM ({sample})"));
        Assert.InRange(plan.Value.Rows, SnapshotProfiler.SampleRows / 2, SnapshotProfiler.SampleRows * 11 / 10);
        Assert.Equal(1, _f.Count($"SELECT min(id) FROM ({sample})"));
        Assert.InRange(_f.Count($"SELECT max(id) FROM ({sample})"), Rows * 9 / 10, Rows);
    }

    [Fact]
    public async Task An_append_is_profiled_from_blocks_of_both_files_with_exact_counts_and_bounds()
    {
        var table = _f.Table("two");
        var schema = await _f.ProposeAsync(_f.Write("first.csv", Orders(1, Rows)));
        await Loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable));

        var report = await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, _f.Write("second.csv", Orders(Rows + 1, Rows))), LoadMode.Append));

        var quality = report.Quality;
        Assert.Equal(2 * Rows, quality.RowCount);
        Assert.Equal(("1", (2 * Rows).ToString(CultureInfo.InvariantCulture)), (quality["id"].Min, quality["id"].Max));
        Assert.Equal(2 * Rows / 9, quality["note"].NullCount);
        Assert.InRange(quality.SampledRows ?? 0, SnapshotProfiler.SampleRows / 2, SnapshotProfiler.SampleRows * 11 / 10);
        var snapshot = await table.GetSnapshotAsync();
        var sample = SnapshotRelation.ToSql(snapshot, RowBlockSample.Plan(snapshot, SnapshotProfiler.SampleRows)!.Value.Filter);
        Assert.True(_f.Count($"SELECT count(*) FROM ({sample}) WHERE id <= {Rows}") > 0, "the first file's rows are in the sample");
        Assert.True(_f.Count($"SELECT count(*) FROM ({sample}) WHERE id > {Rows}") > 0, "the appended file's rows are in the sample");
    }

    [Fact]
    public async Task A_table_of_files_smaller_than_a_block_gets_no_block_plan()
    {
        var table = _f.Table("small");
        var schema = await _f.ProposeAsync(_f.Write("a.csv", Orders(1, 5_000)));
        await Loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable));
        await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, _f.Write("b.csv", Orders(5_001, 5_000))), LoadMode.Append));
        await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, _f.Write("c.csv", Orders(10_001, 5_000))), LoadMode.Append));

        // Blocks of 2,048 rows at a 2,048-row stride would keep every row of these 5,000-row files: the hash sample reads less.
        Assert.Null(RowBlockSample.Plan(await table.GetSnapshotAsync(), sampleRows: 2_048));
    }

    public void Dispose() => _f.Dispose();
}
