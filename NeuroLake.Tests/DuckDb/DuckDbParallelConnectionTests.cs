namespace NeuroLake.Tests.DuckDb;

public sealed class DuckDbParallelConnectionTests
{
    [Fact]
    public async Task Eight_threads_each_with_its_own_connection_get_correct_results()
    {
        using var db = new InMemoryDuckDb();
        db.Connection.Execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000000)");

        var workers = Enumerable.Range(1, 8).Select(worker => Task.Run(() =>
        {
            using var connection = db.Database.Connect();
            for (var round = 0; round < 5; round++)
            {
                var limit = worker * 100_000 + round;
                using var statement = connection.Prepare("SELECT sum(n)::BIGINT, count(*) FROM numbers WHERE n < ?");
                statement.Bind(1, limit);
                using var reader = statement.ExecuteReader();
                Assert.True(reader.Read());
                Assert.Equal((long)limit * (limit - 1) / 2, reader.GetInt64(0));
                Assert.Equal(limit, reader.GetInt64(1));
            }
        })).ToArray();

        await Task.WhenAll(workers);
    }
}
