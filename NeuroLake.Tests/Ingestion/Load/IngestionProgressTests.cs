using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

public sealed class IngestionProgressTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private readonly LoadFixture _f = new(duck);

    private IngestionLoader Loader => new(duck.Database);

    [Fact]
    public async Task A_one_pass_load_reports_write_commit_and_done_in_order_and_ends_with_every_row()
    {
        var path = _f.Write("customers.csv", LoadFixture.Customers);
        var (progress, phases) = await LoadAsync(path, BadRowPolicy.Quarantine);

        Assert.Equal([IngestionPhase.Write, IngestionPhase.Commit, IngestionPhase.Done], phases);
        Assert.Equal((IngestionPhase.Done, 100.0, 3L), (progress.Phase, progress.Percent, progress.RowsProcessed));
        Assert.Equal(new FileInfo(path).Length, progress.BytesTotal);
    }

    [Fact]
    public async Task A_load_that_fails_on_bad_rows_checks_every_row_before_writing()
    {
        var (progress, phases) = await LoadAsync(_f.Write("customers.csv", LoadFixture.Customers), BadRowPolicy.Fail);

        Assert.Equal([IngestionPhase.Profile, IngestionPhase.Write, IngestionPhase.Commit, IngestionPhase.Done], phases);
        Assert.Equal(3L, progress.RowsProcessed);
    }

    private async Task<(IngestionProgress Progress, List<IngestionPhase> Phases)> LoadAsync(string path, BadRowPolicy badRows)
    {
        var schema = await _f.ProposeAsync(path);
        var progress = new IngestionProgress();
        var phases = new List<IngestionPhase>();
        progress.Changed += p =>
        {
            lock (phases)
            {
                if (phases.Count == 0 || phases[^1] != p.Phase)
                {
                    phases.Add(p.Phase);
                }
            }
        };

        await Loader.LoadAsync(new LoadRequest(_f.Table(), schema, LoadMode.NewTable) { Progress = progress, BadRows = badRows });
        return (progress, phases);
    }

    [Theory]
    [InlineData(LoadMode.NewTable)]
    [InlineData(LoadMode.Append)]
    public async Task Cancelling_while_data_files_are_written_adds_no_version_table_or_quarantine_and_keeps_the_rows(LoadMode mode)
    {
        var table = _f.Table();
        var schema = await _f.ProposeAsync(_f.Write("customers.csv", LoadFixture.Customers));
        if (mode == LoadMode.Append)
        {
            await Loader.LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable));
        }

        var big = LargeCustomers();
        using var cts = new CancellationTokenSource();
        var progress = new IngestionProgress();
        var cancelled = false;
        progress.Changed += p =>
        {
            // Cancel as the write phase begins: the cancellation lands in (or just before) DuckDB's COPY of the data
            // files. Waiting for a reported percent instead depends on how fast the machine writes: on a loaded one
            // the first report can come at the very end, after the commit.
            if (p.Phase == IngestionPhase.Write && !cancelled)
            {
                cancelled = true;
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Loader.LoadAsync(new LoadRequest(table, LoadFixture.Reading(schema, big), mode) { Progress = progress }, cts.Token));

        Assert.True(cancelled, "The load never reached its write phase.");
        Assert.Equal(IngestionPhase.Write, progress.Phase);
        Assert.False(Directory.Exists(Path.Combine(table.Location + "_quarantine", "_delta_log")), "A quarantine table was committed.");
        if (mode == LoadMode.NewTable)
        {
            Assert.False(await table.ExistsAsync(), "The cancelled load created the table.");
            return;
        }

        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(0, snapshot.Version);
        Assert.Equal(3, _f.Count($"SELECT count(*) FROM ({LoadFixture.Rows(table)})"));
        Assert.Equal(61, _f.Count($"SELECT CAST(sum(amount) AS BIGINT) FROM ({LoadFixture.Rows(table)})"));
    }

    /// <summary>Half a million customers, one in 100,000 with an amount that does not parse (so a finished load would quarantine rows).</summary>
    private string LargeCustomers()
    {
        var path = _f.Write("large.csv", "");
        using var connection = duck.Database.Connect();
        connection.ExecuteNonQuery(
            "COPY (SELECT i AS id, lpad(CAST(i % 100000 AS VARCHAR), 5, '0') AS code, DATE '2024-01-01' + CAST(i % 365 AS INTEGER) AS joined, " +
            "CASE WHEN i % 100000 = 7 THEN 'n.a.' ELSE CAST(i * 0.25 AS VARCHAR) END AS amount FROM range(500000) t(i)) " +
            $"TO '{path}' (HEADER, FORMAT csv)");
        return path;
    }

    public void Dispose() => _f.Dispose();
}
