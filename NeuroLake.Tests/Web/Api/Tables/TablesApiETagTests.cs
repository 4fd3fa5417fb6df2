using System.Net;
using System.Net.Http.Headers;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>Describe and history answer an ETag from the table's version: unchanged is 304, and a write that names an older version is 412.</summary>
public sealed class TablesApiETagTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Unchanged_tables_answer_304_and_a_commit_changes_the_tag()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.tagged AS SELECT 1 AS id");
        const string table = "/api/v1/tables/main.sales.tagged";

        var described = await lake.Admin.GetApiAsync(table);
        var history = await lake.Admin.GetApiAsync(table + "/history");
        var sameDescribe = await lake.Admin.GetApiAsync(table, IfNoneMatch(described.ETag!));
        var sameHistory = await lake.Admin.GetApiAsync(table + "/history", IfNoneMatch(history.ETag!));
        await lake.AsAdminAsync("INSERT INTO sales.tagged VALUES (2)");
        var changed = await lake.Admin.GetApiAsync(table, IfNoneMatch(described.ETag!));

        Assert.NotNull(described.ETag);
        Assert.Equal((HttpStatusCode.NotModified, HttpStatusCode.NotModified), (sameDescribe.Status, sameHistory.Status));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(described.ETag, changed.ETag);
        Assert.Equal(1, changed.Json.GetProperty("currentVersion").GetInt64());
    }

    [Fact]
    public async Task A_write_with_an_older_if_match_answers_412_and_changes_nothing()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.raced AS SELECT 1 AS id");
        const string rows = "/api/v1/tables/main.sales.raced/rows";
        var read = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.raced");
        await lake.AsAdminAsync("INSERT INTO sales.raced VALUES (2)");

        var (staleStatus, stale) = await lake.Admin.PostApiAsync(rows, new { rows = new[] { new { id = 3 } } }, IfMatch(read.ETag!));
        var (staleOptimize, _) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.raced/optimize", null, IfMatch(read.ETag!));
        var fresh = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.raced");
        var (freshStatus, _) = await lake.Admin.PostApiAsync(rows, new { rows = new[] { new { id = 3 } } }, IfMatch(fresh.ETag!));

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (staleStatus, staleOptimize));
        Assert.Contains("read it again", stale.Detail());
        Assert.Equal(HttpStatusCode.OK, freshStatus);
        Assert.Equal([1L, 2L, 3L], (await lake.RowsAsync("SELECT id FROM sales.raced ORDER BY id")).Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Action<HttpRequestMessage> IfNoneMatch(string tag) => r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tag));

    private static Action<HttpRequestMessage> IfMatch(string tag) => r => r.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(tag));
}
