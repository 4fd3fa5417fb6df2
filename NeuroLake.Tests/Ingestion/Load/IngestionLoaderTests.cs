using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

public sealed class IngestionLoaderTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private readonly LoadFixture _f = new(duck);

    private IngestionLoader Loader => new(duck.Database);

    private async Task<(Engine.Tables.DeltaTable Table, LoadReport Report)> NewCustomersAsync()
    {
        var table = _f.Table();
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));
        var report = await Loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable));
        return (table, report);
    }

    [Fact]
    public async Task A_new_table_keeps_leading_zero_codes_as_text_and_dates_as_dates()
    {
        var (table, report) = await NewCustomersAsync();

        Assert.Equal((0L, 3L, 3L, 0L), (report.TableVersion, report.RowsRead, report.RowsLoaded, report.RowsQuarantined));
        var row = SqlProbe.Row(duck.Database, $"SELECT code, typeof(joined) AS joined_type, joined::VARCHAR AS joined FROM ({LoadFixture.Rows(table)}) WHERE id = 1");
        Assert.Equal("00123", row.GetProperty("code").GetString());
        Assert.Equal("DATE", row.GetProperty("joined_type").GetString());
        Assert.Equal("2024-01-05", row.GetProperty("joined").GetString());
        Assert.Equal(3, report.Quality.RowCount);
    }

    [Fact]
    public async Task A_new_table_can_be_partitioned_by_a_source_column()
    {
        var table = _f.Table();
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));

        await Loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { PartitionColumns = ["code"] });

        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(["code"], snapshot.PartitionColumns);
        Assert.Equal(3, snapshot.Files.Count);
    }

    [Fact]
    public async Task Append_adds_the_file_rows_to_the_existing_rows()
    {
        var (table, _) = await NewCustomersAsync();
        var more = await _f.ProposeAsync(_f.Write("more.csv", "id,code,joined,amount\n4,00999,2024-04-01,1.5\n"));

        var report = await Loader.LoadAsync(new LoadRequest(table, more, LoadMode.Append));

        Assert.Equal((1L, 1L), (report.TableVersion, report.RowsLoaded));
        Assert.Equal(4, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(4, report.Quality.RowCount);
    }

    [Fact]
    public async Task Overwrite_replaces_every_row_with_the_file_rows()
    {
        var (table, _) = await NewCustomersAsync();
        var only = await _f.ProposeAsync(_f.Write("only.csv", "id,code,joined,amount\n9,00042,2025-01-01,7\n"));

        await Loader.LoadAsync(new LoadRequest(table, only, LoadMode.Overwrite));

        Assert.Equal(9, _f.Count($"SELECT sum(id) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(1, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
    }

    [Fact]
    public async Task Merge_on_key_updates_matching_rows_and_inserts_the_others()
    {
        var (table, _) = await NewCustomersAsync();
        var changes = await _f.ProposeAsync(_f.Write("changes.csv", "id,code,joined,amount\n2,00456,2024-02-10,99.5\n5,00500,2024-05-05,5\n"));

        var report = await Loader.LoadAsync(new LoadRequest(table, changes, LoadMode.MergeOnKey) { KeyColumns = ["id"] });

        Assert.Equal(2, report.RowsLoaded);
        Assert.Equal(4, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(995, _f.Count($"SELECT (amount * 10)::BIGINT FROM ({LoadFixture.Rows(table)}) WHERE id = 2"));
        Assert.Equal(1, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)}) WHERE id = 5 AND code = '00500'"));
    }

    [Fact]
    public async Task A_new_column_is_refused_without_merge_schema_and_the_table_is_unchanged()
    {
        var (table, _) = await NewCustomersAsync();
        var wider = await _f.ProposeAsync(_f.Write("wider.csv", "id,code,joined,amount,email\n4,00999,2024-04-01,1.5,a@example.com\n"));
        var request = new LoadRequest(table, wider, LoadMode.Append);

        var plan = await Loader.PlanAsync(request);
        var error = await Assert.ThrowsAsync<IngestionException>(() => Loader.LoadAsync(request));

        Assert.Equal("email", Assert.Single(plan.NewColumns).Column);
        Assert.False(plan.Allowed);
        Assert.Contains("email", error.Message);
        Assert.Contains("merge-schema", error.Message);
        Assert.Equal(0, (await _f.Table().GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task A_new_column_is_added_with_merge_schema()
    {
        var (table, _) = await NewCustomersAsync();
        var wider = await _f.ProposeAsync(_f.Write("wider.csv", "id,code,joined,amount,email\n4,00999,2024-04-01,1.5,a@example.com\n"));

        await Loader.LoadAsync(new LoadRequest(table, wider, LoadMode.Append) { MergeSchema = true });

        Assert.Equal(1, _f.Count($"SELECT count(email) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(4, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
    }

    [Fact]
    public async Task A_type_conflict_is_refused_with_the_column_and_both_types()
    {
        var (table, _) = await NewCustomersAsync();
        var text = await _f.ProposeAsync(_f.Write("text.csv", "id,code,joined,amount\n4,00999,2024-04-01,n/a\n5,00998,2024-04-02,unknown\n"));

        var error = await Assert.ThrowsAsync<IngestionException>(() => Loader.LoadAsync(new LoadRequest(table, text, LoadMode.Append) { MergeSchema = true }));

        Assert.Contains("amount is DOUBLE in the table but VARCHAR in the source", error.Message);
        Assert.Equal(0, (await _f.Table().GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Quarantine_gets_the_bad_rows_with_raw_values_and_reasons_and_the_counts_add_up()
    {
        var table = _f.Table();
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));
        var bad = _f.Write("bad.csv", "id,code,joined,amount\n1,00123,2024-01-05,10.5\n2,00456,not a date,20\n3,07890,2024-03-15,lots\n4,00001,2024-04-04,4\n");

        var report = await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, bad), LoadMode.NewTable));

        Assert.Equal((4L, 2L, 2L, 0L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined, report.RowsSkipped));
        Assert.Equal(report.RowsRead, report.RowsLoaded + report.RowsQuarantined);
        Assert.Equal(2, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        var quarantine = LoadFixture.Rows(_f.Table("customers_quarantine"));
        var row = SqlProbe.Row(duck.Database, $"SELECT joined, array_to_string(_nl_parse_errors, ',') AS reason, _nl_loaded_at IS NOT NULL AS stamped FROM ({quarantine}) WHERE id = '2'");
        Assert.Equal("not a date", row.GetProperty("joined").GetString());
        Assert.Equal("joined", row.GetProperty("reason").GetString());
        Assert.True(row.GetProperty("stamped").GetBoolean());
        Assert.Equal("lots", SqlProbe.Row(duck.Database, $"SELECT amount FROM ({quarantine}) WHERE id = '3'").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Skip_leaves_bad_rows_out_and_counts_them()
    {
        var table = _f.Table();
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));
        var bad = _f.Write("bad.csv", "id,code,joined,amount\n1,00123,2024-01-05,10.5\n2,00456,2024-02-10,oops\n");

        var report = await Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, bad), LoadMode.NewTable) { BadRows = BadRowPolicy.Skip });

        Assert.Equal((2L, 1L, 0L, 1L), (report.RowsRead, report.RowsLoaded, report.RowsQuarantined, report.RowsSkipped));
        Assert.False(await _f.Table("customers_quarantine").ExistsAsync());
    }

    [Fact]
    public async Task Fail_mode_refuses_a_file_with_bad_rows_and_writes_nothing()
    {
        var (table, _) = await NewCustomersAsync();
        var schema = await _f.ProposeAsync(_f.Write("again.csv", LoadFixture.Customers));
        var bad = _f.Write("bad.csv", "id,code,joined,amount\n7,00123,2024-01-05,10.5\n8,00456,2024-02-10,oops\n");

        var error = await Assert.ThrowsAsync<IngestionException>(() =>
            Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, bad), LoadMode.Append) { BadRows = BadRowPolicy.Fail }));

        Assert.Contains("amount", error.Message);
        Assert.Equal(0, (await _f.Table().GetSnapshotAsync()).Version);
        Assert.False(await _f.Table("customers_quarantine").ExistsAsync());
    }

    [Fact]
    public async Task Append_of_a_file_lacking_a_table_column_leaves_it_null()
    {
        var (table, _) = await NewCustomersAsync();
        var narrow = await _f.ProposeAsync(_f.Write("narrow.csv", "id,code,joined\n4,00999,2024-04-01\n"));

        var plan = await Loader.PlanAsync(new LoadRequest(table, narrow, LoadMode.Append));
        await Loader.LoadAsync(new LoadRequest(table, narrow, LoadMode.Append));

        Assert.Equal(["amount"], plan.MissingColumns);
        Assert.Equal(1, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)}) WHERE id = 4 AND amount IS NULL"));
    }

    [Fact]
    public async Task Merge_with_merge_schema_adds_the_new_column_and_fills_it_for_matched_and_inserted_rows()
    {
        var (table, _) = await NewCustomersAsync();
        var wider = await _f.ProposeAsync(_f.Write("wider.csv", "id,code,joined,amount,tier\n1,00123,2024-01-05,10.5,gold\n6,00600,2024-06-06,6,silver\n"));

        await Loader.LoadAsync(new LoadRequest(table, wider, LoadMode.MergeOnKey) { KeyColumns = ["id"], MergeSchema = true });

        Assert.Equal(2, _f.Count($"SELECT count(tier) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(4, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
    }

    [Fact]
    public async Task A_merge_without_key_columns_is_refused_before_anything_is_written()
    {
        var (table, _) = await NewCustomersAsync();
        var same = await _f.ProposeAsync(_f.Write("same.csv", LoadFixture.Customers));

        var error = await Assert.ThrowsAsync<IngestionException>(() => Loader.LoadAsync(new LoadRequest(table, same, LoadMode.MergeOnKey)));

        Assert.Contains("key columns", error.Message);
        Assert.Equal(0, (await _f.Table().GetSnapshotAsync()).Version);
    }

    public void Dispose() => _f.Dispose();
}
