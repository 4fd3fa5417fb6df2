using System.Net;
using System.Text.Json;
using NeuroLake.Tests.Web.Identity;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// A script creates a table, writes and reads rows, browses its history and versions, and drops it, as the table page
/// and the SQL editor would: every row read or change is the caller's SQL, so privileges and masks apply.
/// </summary>
public sealed class TablesApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Create_insert_read_at_versions_history_and_drop()
    {
        var (createdStatus, created) = await lake.Admin.PostApiAsync("/api/v1/tables", new
        {
            name = "main.sales.events",
            columns = new object[] { new { name = "id", type = "BIGINT", nullable = false }, new { name = "kind", type = "VARCHAR" }, new { name = "at", type = "DATE" } },
            comment = "What happened",
        });
        var (insertStatus, inserted) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.events/rows", new
        {
            rows = new object[] { new { id = 1, kind = "signup", at = "2026-01-02" }, new { id = 2, kind = "order" } },
        });
        var (_, latest) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.events/rows");
        var (_, atCreation) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.events/rows?version=0");
        var (_, limited) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.events/rows?version=1&limit=1");
        var (historyStatus, history) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.events/history");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (createdStatus, insertStatus, historyStatus));
        Assert.Equal("What happened", created.GetProperty("description").GetString());
        Assert.False(created.GetProperty("columns")[0].GetProperty("nullable").GetBoolean());
        Assert.Equal((2, 1L), (inserted.GetProperty("rowsAffected").GetInt32(), inserted.GetProperty("version").GetInt64()));
        Assert.Equal(["id", "kind", "at"], latest.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(2, latest.GetProperty("rowCount").GetInt32());
        Assert.Contains(latest.GetProperty("rows").EnumerateArray(), r => r[1].GetString() == "signup" && r[2].GetString() == "2026-01-02");
        Assert.Equal(0, atCreation.GetProperty("rowCount").GetInt32());
        Assert.Equal((1, true), (limited.GetProperty("rowCount").GetInt32(), limited.GetProperty("truncated").GetBoolean()));
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1L, 0L], entries.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(AccountsApp.AdminName, entries[0].GetProperty("user").GetString());
        Assert.Equal("2", entries[0].GetProperty("metrics").GetProperty("numOutputRows").GetString());
        Assert.False(history.GetProperty("hasMore").GetBoolean());

        var (dropStatus, _) = await lake.Admin.DeleteApiAsync("/api/v1/tables/main.sales.events");
        var (goneStatus, _) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.events");
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (dropStatus, goneStatus));
    }

    [Fact]
    public async Task Update_and_delete_change_the_rows_matching_every_condition()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.stock AS SELECT range AS id, 'open' AS status, range * 2 AS qty FROM range(5)");

        var (updateStatus, updated) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.stock/rows/update", new
        {
            set = new { status = "closed" },
            where = new object[] { new { column = "id", op = "in", value = new[] { 1, 2, 3 } }, new { column = "qty", op = ">=", value = 4 } },
        });
        var (deleteStatus, deleted) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.stock/rows/delete", new
        {
            where = new object[] { new { column = "status", op = "=", value = "open" }, new { column = "id", op = "<", value = 1 } },
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (updateStatus, deleteStatus));
        Assert.Equal((2, 1), (updated.GetProperty("rowsAffected").GetInt32(), deleted.GetProperty("rowsAffected").GetInt32()));
        var rows = await lake.RowsAsync("SELECT id, status FROM sales.stock ORDER BY id");
        Assert.Equal(["1 open", "2 closed", "3 closed", "4 open"], rows.Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public async Task Values_and_names_cannot_smuggle_sql()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.notes AS SELECT 1 AS id, 'first' AS text");
        const string evil = "x'); DROP TABLE sales.orders; --";

        var (insertStatus, _) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.notes/rows", new { rows = new[] { new { id = 2, text = evil } } });
        var (nameStatus, name) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.notes/rows",
            new { rows = new[] { new Dictionary<string, object> { ["id\" INTEGER); DROP TABLE sales.orders; --"] = 3 } } });
        var (whereStatus, where) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.notes/rows/delete",
            new { where = new[] { new { column = "text", op = "=", value = "' OR '1'='1" } } });
        var (opStatus, op) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.notes/rows/delete",
            new { where = new[] { new { column = "id", op = "= 1 OR 1 =", value = 1 } } });
        var (typeStatus, type) = await lake.Admin.PostApiAsync("/api/v1/tables", new
        {
            name = "main.sales.sneaky", columns = new[] { new { name = "id", type = "INT); DROP TABLE sales.orders; --" } },
        });

        Assert.Equal(HttpStatusCode.OK, insertStatus);
        Assert.Equal([(object?)"first", evil], (await lake.RowsAsync("SELECT text FROM sales.notes ORDER BY id")).Select(r => r[0]));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (nameStatus, whereStatus, opStatus, typeStatus));
        Assert.Contains("its columns are id, text", name.Detail());
        Assert.Equal(0, where.GetProperty("rowsAffected").GetInt32());
        Assert.Contains("is not an operator", op.Detail());
        Assert.Contains("is not a column type", type.Detail());
        Assert.NotNull(await lake.TableAsync("sales", "orders"));
        Assert.Null(await lake.TableAsync("sales", "sneaky"));
        Assert.Equal(2, (await lake.RowsAsync("SELECT count(*) FROM sales.notes"))[0][0] is long n ? n : -1);
    }

    [Theory]
    [InlineData("GET", "/api/v1/tables/main.sales.orders/rows?limit=0", "limit must be between 1 and")]
    [InlineData("GET", "/api/v1/tables/main.sales.orders/rows?version=-1", "version must be 0 or more")]
    [InlineData("GET", "/api/v1/tables/main.sales.orders/rows?version=0&timestamp=2026-01-01T00:00:00Z", "not both")]
    [InlineData("GET", "/api/v1/tables/sales.orders", "catalog.schema.table")]
    [InlineData("GET", "/api/v1/tables/main.sales.orders/history?take=0", "take between 1 and 1000")]
    [InlineData("POST", "/api/v1/tables/main.sales.orders/rows/delete", "needs \"where\"")]
    [InlineData("POST", "/api/v1/tables/main.sales.orders/rows", "Send \"rows\"")]
    [InlineData("POST", "/api/v1/tables/main.sales.orders/optimize", null)]
    public async Task Bad_requests_answer_400_saying_how_to_fix_them(string method, string path, string? fix)
    {
        var before = (await lake.TableAsync("sales", "orders"))!.CurrentVersion;
        if (fix is null)
        {
            // A Z-order column the table does not have: refused before anything runs.
            var (zStatus, z) = await lake.Admin.PostApiAsync(path, new { zorderBy = new[] { "nope" } });
            Assert.Equal(HttpStatusCode.BadRequest, zStatus);
            Assert.Contains("its columns are id, amount", z.Detail());
        }
        else
        {
            var (status, problem) = method == "GET" ? await lake.Admin.GetApiAsync(path) : await lake.Admin.PostApiAsync(path, new { });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(fix, problem.Detail());
        }

        Assert.Equal(before, (await lake.TableAsync("sales", "orders"))!.CurrentVersion);
    }

    [Fact]
    public async Task Errors_never_show_the_servers_folders()
    {
        var (status, problem) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.orders/rows?version=99");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain(lake.App.DataDirectory, problem.Detail());
        Assert.DoesNotContain(lake.App.DataDirectory, JsonSerializer.Serialize(problem));
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_a_400_problem_and_inserts_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tables/main.sales.orders/rows")
        {
            Content = new StringContent("{\"rows\": [{\"id\": 9,", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await lake.Admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("JSON", body);
        Assert.Equal(3L, (await lake.RowsAsync("SELECT count(*) FROM sales.orders"))[0][0]);
    }

    [Fact]
    public async Task Rows_at_a_timestamp_are_the_version_current_then()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.dated AS SELECT 1 AS id; INSERT INTO sales.dated VALUES (2); INSERT INTO sales.dated VALUES (3)");
        var (_, history) = await lake.Admin.GetApiAsync("/api/v1/tables/main.sales.dated/history");
        var second = history.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("version").GetInt64() == 1);
        var at = Uri.EscapeDataString(second.GetProperty("timestamp").GetDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var (status, rows) = await lake.Admin.GetApiAsync($"/api/v1/tables/main.sales.dated/rows?timestamp={at}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([1L, 2L], rows.GetProperty("rows").EnumerateArray().Select(r => r[0].GetInt64()).Order());
    }
}
