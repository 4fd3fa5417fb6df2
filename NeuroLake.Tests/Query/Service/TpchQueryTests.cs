using NeuroLake.Bench.Tpch;
using NeuroLake.Tests.Catalog;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Query.Service;

/// <summary>TPC-H queries at scale 0.1 through the query service over Delta tables, checked against the expected answers.</summary>
public sealed class TpchQueryTests(CatalogDatabases databases) : QueryServiceTestBase(databases)
{
    private static readonly TpchData Data = new(Path.Combine(SharedData.Folder, "tpch", "sf0.1"));

    [Fact]
    public async Task Queries_1_3_and_6_return_the_expected_answers()
    {
        Directory.CreateDirectory(External);
        var request = new NeuroLake.Engine.Query.Service.QueryRequest("ana", TpchTables.Schema, RowLimit: 1000);
        await TpchTables.LoadAsync(Service, request, Data, External, ["customer", "lineitem", "orders"], CancellationToken.None);

        foreach (var query in new[] { 1, 3, 6 })
        {
            var sql = Data.Query(query);
            var result = (await Service.ExecuteAsync(sql, request))[^1];

            Assert.False(result.HasMoreRows);
            TpchAnswers.Check(query, sql, Data.AnswerFile(query)!, result.Rows);
        }
    }

    [Fact]
    public void A_wrong_value_fails_the_check_naming_the_query_and_row()
    {
        var expected = File.ReadLines(Data.AnswerFile(6)!).Skip(1).Single();
        var revenue = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);

        TpchAnswers.Check(6, "select ...", Data.AnswerFile(6)!, [[revenue + 0.00001m]]);
        var error = Assert.Throws<TpchAnswerMismatchException>(() => TpchAnswers.Check(6, "select ...", Data.AnswerFile(6)!, [[revenue * 1.00001m]]));

        Assert.Contains("q06 row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_row_fails_the_check_with_both_counts()
    {
        var error = Assert.Throws<TpchAnswerMismatchException>(() => TpchAnswers.Check(6, "select ...", Data.AnswerFile(6)!, []));

        Assert.Contains("expected 1 rows but got 0", error.Message, StringComparison.Ordinal);
    }
}
