using NeuroLake.Engine.Tables;
using NeuroLake.Engine.Tables.Writes;

namespace NeuroLake.Tests.Tables.Operations;

/// <summary>Tables for operation tests, and comparisons of a table's rows with DuckDB computing the expected rows.</summary>
public abstract class OperationTestBase(DuckDbFixture duck) : TableTestBase(duck)
{
    /// <summary>Rows 0..n-1 with id, grp (id % 4), v (id * 10, NULL every 7th), s ('s' || id), in files of 25 rows.</summary>
    protected const string Source = "SELECT range AS id, (range % 4)::INTEGER AS grp, CASE WHEN range % 7 = 3 THEN NULL ELSE range * 10 END AS v, 's' || range AS s FROM range(100)";

    /// <summary>A table from <see cref="Source"/> written as one file per 25 consecutive ids (so stats separate them).</summary>
    protected async Task<DeltaTable> SampleTableAsync(string name = "t", params string[] partitionBy)
    {
        var table = NewTable(name);
        await table.CreateAsync(new TableDefinition { PartitionColumns = partitionBy }, $"SELECT * FROM ({Source}) WHERE id < 25");
        for (var start = 25; start < 100; start += 25)
        {
            await table.AppendAsync($"SELECT * FROM ({Source}) WHERE id >= {start} AND id < {start + 25}");
        }

        return table;
    }

    /// <summary>Rows of the table (at a version) that differ from the expected query, in either direction.</summary>
    protected async Task<long> DifferencesAsync(DeltaTable table, string expected, long? version = null)
    {
        var actual = DeltaTable.ToSql(await table.GetSnapshotAsync(version));
        return Scalar($"SELECT (SELECT count(*) FROM (({actual}) EXCEPT ALL ({expected}))) + (SELECT count(*) FROM (({expected}) EXCEPT ALL ({actual})))");
    }

    protected async Task AssertRowsAsync(DeltaTable table, string expected, long? version = null)
    {
        var actualCount = Count(table, version);
        var expectedCount = Scalar($"SELECT count(*) FROM ({expected})");
        Assert.Equal(expectedCount, actualCount);
        Assert.Equal(0, await DifferencesAsync(table, expected, version));
    }
}
