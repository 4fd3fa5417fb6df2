using System.Globalization;
using System.Text;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Quality;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>
/// The load reads its source once (the write counts the rows it leaves out) and profiles the table from a sample plus
/// the write's file statistics: counts, quarantined rows and exact figures must come out as a separate count would give them.
/// </summary>
public sealed class OnePassIngestionTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private const int Rows = 150_000;
    private const string Header = "id,amount,day,note\n";
    private readonly LoadFixture _f = new(duck);

    private IngestionLoader Loader => new(duck.Database);

    /// <summary>Orders with every seventh note empty; <paramref name="replaced"/> swaps whole lines by row number (1-based).</summary>
    private static string Orders(params (int Row, string Line)[] replaced)
    {
        var lines = replaced.ToDictionary(r => r.Row, r => r.Line);
        var text = new StringBuilder(Header);
        for (var i = 1; i <= Rows; i++)
        {
            var line = lines.TryGetValue(i, out var given)
                ? given
                : string.Create(CultureInfo.InvariantCulture, $"{i},{i % 1000}.25,2024-01-{1 + i % 28:00},{(i % 7 == 0 ? "" : "n" + (i % 50))}");
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private async Task<Engine.Ingestion.Schema.ProposedSchema> CleanSchemaAsync() =>
        await _f.ProposeAsync(_f.Write("clean.csv", Orders()));

    [Fact]
    public async Task Bad_rows_in_the_middle_of_a_large_file_are_quarantined_with_their_raw_values_and_the_counts_are_exact()
    {
        var schema = await CleanSchemaAsync();
        var bad = _f.Write("bad.csv", Orders((75_000, "75000,lots,2024-01-05,x"), (75_001, "75001,3.5,someday,y")));
        var table = _f.Table();

        var report = await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, bad), LoadMode.NewTable));

        Assert.Equal((150_000L, 149_998L, 2L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined, report.RowsSkipped));
        Assert.Equal(149_998, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        var quarantine = SqlProbe.Rows(duck.Database,
            $"SELECT id, amount, day, array_to_string(_nl_parse_errors, ',') AS reason FROM ({LoadFixture.Rows(_f.Table("customers_quarantine"))}) ORDER BY id");
        Assert.Equal(
            [("75000", "lots", "2024-01-05", "amount"), ("75001", "3.5", "someday", "day")],
            quarantine.Select(r => (r.GetProperty("id").GetString(), r.GetProperty("amount").GetString(), r.GetProperty("day").GetString(), r.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task A_late_row_failing_a_cast_the_sample_never_saw_is_skipped_and_counted_in_an_append()
    {
        var schema = await CleanSchemaAsync();
        var table = _f.Table();
        await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, _f.Write("first.csv", Header + "1,1.25,2024-01-02,a\n")), LoadMode.NewTable));
        var late = _f.Write("late.csv", Orders((Rows, "150000,n/a,2024-01-01,z")));

        var report = await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, late), LoadMode.Append) { BadRows = BadRowPolicy.Skip });

        Assert.Equal((150_000L, 149_999L, 0L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined, report.RowsSkipped));
        Assert.Equal(150_000, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        Assert.False(await _f.Table("customers_quarantine").ExistsAsync());
    }

    [Fact]
    public async Task A_header_only_file_creates_no_table_unless_asked_and_then_an_empty_one()
    {
        var schema = await _f.ProposeAsync(_f.Write("header.csv", Header));

        var left = await Loader.LoadAsync(new LoadRequest(_f.Table(), schema, LoadMode.NewTable) { KeepEmptyNewTable = false });
        var kept = await Loader.LoadAsync(new LoadRequest(_f.Table("kept"), schema, LoadMode.NewTable) { KeepEmptyNewTable = true });

        Assert.Equal((false, 0L, 0L), (left.TableWritten, left.RowsRead, left.RowsQuarantined));
        Assert.False(await _f.Table().ExistsAsync());
        Assert.Equal((true, 0L, 0L, 0L), (kept.TableWritten, kept.TableVersion, kept.RowsRead, kept.RowsLoaded));
        Assert.Equal(0, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(_f.Table("kept"))})"));
        Assert.Equal(0, kept.Quality.RowCount);
    }

    [Fact]
    public async Task An_empty_file_read_with_a_known_schema_loads_no_row_and_creates_no_table()
    {
        var schema = await CleanSchemaAsync();

        var report = await Loader.LoadAsync(new LoadRequest(_f.Table(), LoadFixture.Reading(schema, _f.Write("empty.csv", "")), LoadMode.NewTable) { KeepEmptyNewTable = false });

        Assert.Equal((false, 0L, 0L), (report.TableWritten, report.RowsRead, report.RowsLoaded));
        Assert.False(await _f.Table().ExistsAsync());
    }

    [Fact]
    public async Task A_table_bigger_than_the_sample_has_exact_row_count_null_count_and_bounds()
    {
        var schema = await CleanSchemaAsync();

        var report = await Loader.LoadAsync(new LoadRequest(_f.Table(), schema, LoadMode.NewTable));

        var quality = report.Quality;
        Assert.Equal(Rows, quality.RowCount);
        Assert.InRange(quality.SampledRows ?? 0, SnapshotProfiler.SampleRows / 2, SnapshotProfiler.SampleRows * 11 / 10);
        Assert.Equal(Rows / 7, quality["note"].NullCount);
        Assert.Equal(("1", "150000"), (quality["id"].Min, quality["id"].Max));
        Assert.True(quality["id"].DistinctIsApproximate);
    }

    [Fact]
    public async Task Loads_leave_no_counting_sequence_behind()
    {
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));
        var bad = _f.Write("bad.csv", "id,code,joined,amount\n1,00123,2024-01-05,10.5\n2,00456,2024-02-10,oops\n");

        var report = await Loader.LoadAsync(new LoadRequest(_f.Table("small"), LoadFixture.Reading(schema, bad), LoadMode.NewTable));

        Assert.Equal((2L, 1L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined));
        Assert.Equal(0, _f.Count("SELECT count(*) FROM duckdb_sequences() WHERE sequence_name LIKE 'nl_parse_failures_%'"));
    }

    public void Dispose() => _f.Dispose();
}
