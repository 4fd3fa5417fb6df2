using System.Globalization;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>
/// A bad value far past the proposal's sample fails the typed first read of a CSV load; the load starts over on the
/// checked read, so the row is quarantined, skipped or fails the load exactly as it would have, and the files the
/// failed read had already written are gone, not left in the table's folder.
/// </summary>
public sealed class TypedCsvFallbackTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private const int Rows = 150_000;
    private readonly LoadFixture _f = new(duck);
    private readonly TempFolder _tables = new();

    /// <summary>Rows past the sample with a bad amount and a bad day; incompressible notes, so the write fills files before reaching them.</summary>
    private static string File(params (int Row, string Line)[] bad)
    {
        var lines = bad.ToDictionary(b => b.Row, b => b.Line);
        var text = new StringBuilder("id,amount,day,note\n");
        for (var i = 1; i <= Rows; i++)
        {
            text.Append(lines.TryGetValue(i, out var line)
                    ? line
                    : string.Create(CultureInfo.InvariantCulture, $"{i},{i % 1000}.25,2024-03-{1 + i % 28:00},{Convert.ToHexString(BitConverter.GetBytes(i * 2654435761L))}{Guid.NewGuid():N}"))
                .Append('\n');
        }

        return text.ToString();
    }

    private static readonly (int, string)[] BadRows = [(140_000, "140000,n/a,2024-03-01,x"), (149_990, "149990,1.5,2024-02-30,y")];

    private async Task<ProposedSchema> SchemaAsync(params (int Row, string Line)[] bad)
    {
        var schema = await _f.ProposeAsync(_f.Write("orders.csv", File(bad)));
        Assert.Equal(["id BIGINT", "amount DOUBLE", "day DATE", "note VARCHAR"], schema.Columns.Select(c => $"{c.Name} {c.DuckDbType}"));
        Assert.NotNull(TypedCsvRead.Plan(schema.Columns, schema.Source));
        return schema;
    }

    /// <summary>A small target file size, so the failed read had closed files (the test checks they were deleted).</summary>
    private DeltaTable Table(string name) => new(new LocalObjectStore(_tables.Sub(name)), duck.Database, new DeltaTableOptions { TargetFileSizeBytes = 1024 * 1024 });

    [Theory]
    [InlineData(BadRowPolicy.Quarantine, 0)]
    [InlineData(BadRowPolicy.Skip, 0)]
    [InlineData(BadRowPolicy.Quarantine, 1)]
    [InlineData(BadRowPolicy.Quarantine, 2)]
    public async Task A_bad_value_past_the_sample_is_left_out_as_asked_and_the_failed_reads_files_are_deleted(BadRowPolicy policy, int which)
    {
        // 0: a bad amount and a bad day; 1: only the amount (the number parser fails); 2: only the day (the date format fails).
        (int Row, string Line)[] bad = which == 0 ? BadRows : [BadRows[which - 1]];
        var schema = await SchemaAsync(bad);
        var table = Table("orders");

        var report = await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { BadRows = policy });

        Assert.Equal((Rows, Rows - bad.Length), (report.RowsRead, report.RowsLoaded));
        Assert.Equal(policy == BadRowPolicy.Quarantine ? (bad.Length, 0) : (0, bad.Length), (report.RowsQuarantined, report.RowsSkipped));
        Assert.Equal(0, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)}) WHERE id IN ({string.Join(", ", bad.Select(b => b.Row))})"));
        Assert.Equal(Rows - bad.Length, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)}) WHERE amount IS NOT NULL AND day IS NOT NULL"));
        await AssertOnlyCommittedFilesAsync(table);
    }

    [Fact]
    public async Task An_append_that_falls_back_keeps_the_tables_files_and_adds_no_stray_ones()
    {
        var clean = await SchemaAsync();
        var table = Table("orders");
        await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, clean, LoadMode.NewTable));
        var dirty = LoadFixture.Reading(clean, _f.Write("more.csv", File(BadRows)));

        var report = await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, dirty, LoadMode.Append) { BadRows = BadRowPolicy.Skip });

        Assert.Equal((Rows - 2, 2), (report.RowsLoaded, report.RowsSkipped));
        Assert.Equal(2L * Rows - 2, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        await AssertOnlyCommittedFilesAsync(table);
    }

    [Fact]
    public async Task A_clean_file_loads_the_same_rows_as_the_checked_read()
    {
        var schema = await SchemaAsync();
        var typed = Table("typed");
        await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(typed, schema, LoadMode.NewTable));
        var checkedRead = Table("checked");
        // Fail: the load counts before it writes, on the checked read only.
        await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(checkedRead, schema, LoadMode.NewTable) { BadRows = BadRowPolicy.Fail });

        Assert.Equal(0, _f.Count(
            $"SELECT count(*) FROM ((SELECT * FROM ({LoadFixture.Rows(typed)}) EXCEPT ALL SELECT * FROM ({LoadFixture.Rows(checkedRead)})) " +
            $"UNION ALL (SELECT * FROM ({LoadFixture.Rows(checkedRead)}) EXCEPT ALL SELECT * FROM ({LoadFixture.Rows(typed)})))"));
        Assert.Equal(Rows, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(typed)})"));
    }

    [Fact]
    public async Task A_bad_value_under_the_fail_policy_still_fails_the_load_and_writes_nothing()
    {
        var schema = await SchemaAsync(BadRows);
        var table = Table("orders");

        var e = await Assert.ThrowsAsync<IngestionException>(() =>
            new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { BadRows = BadRowPolicy.Fail }));

        Assert.Contains("2 of 150000 row(s)", e.Message, StringComparison.Ordinal);
        Assert.False(await table.ExistsAsync());
        Assert.Empty(Directory.EnumerateFiles(_tables.Sub("orders"), "*.parquet", SearchOption.AllDirectories));
    }

    private async Task AssertOnlyCommittedFilesAsync(DeltaTable table)
    {
        var root = table.Store.GetLocalPath("")!;
        var committed = (await table.GetSnapshotAsync()).Files.Select(f => Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(f.Path)))).Order().ToList();
        var onDisk = Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Select(Path.GetFullPath).Order().ToList();
        Assert.True(committed.Count > 1, "the write must have made several files");
        Assert.Equal(committed, onDisk);
    }

    public void Dispose()
    {
        _f.Dispose();
        _tables.Dispose();
    }
}
