using System.Net;

namespace NeuroLake.Tests.Web.Api.Tables;

/// <summary>
/// A script upserts rows as JSON through MERGE (keys, update columns, insert switch, a delete flag), with values
/// stored literally and SQL's privileges; and inserts or merges a staged upload, refused when its columns do not fit.
/// </summary>
public sealed class TableMergeApiTests(LakeApiApp lake) : IClassFixture<LakeApiApp>
{
    [Fact]
    public async Task Merge_updates_matched_rows_inserts_the_others_and_answers_the_counts()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_basic AS SELECT range AS id, 'old' AS status, range * 10 AS qty FROM range(3)");

        var (status, merged) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_basic/merge", new
        {
            keys = new[] { "id" },
            rows = new object[] { new { id = 1, status = "new", qty = 11 }, new { id = 7, status = "added" } },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2L, 1L, 0L, 1L), (merged.GetProperty("rowsAffected").GetInt64(), merged.GetProperty("rowsUpdated").GetInt64(),
            merged.GetProperty("rowsDeleted").GetInt64(), merged.GetProperty("rowsInserted").GetInt64()));
        Assert.Equal((await lake.TableAsync("sales", "m_basic"))!.CurrentVersion, merged.GetProperty("version").GetInt64());
        var rows = await lake.RowsAsync("SELECT id, status, qty FROM sales.m_basic ORDER BY id");
        Assert.Equal(["0 old 0", "1 new 11", "2 old 20", "7 added "], rows.Select(r => $"{r[0]} {r[1]} {r[2]}"));
    }

    [Fact]
    public async Task Update_columns_insert_switch_and_delete_flag_choose_the_clauses()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_clauses AS SELECT range AS id, 'old' AS status, range * 10 AS qty FROM range(4)");

        var (status, merged) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_clauses/merge", new
        {
            keys = new[] { "id" },
            updateColumns = new[] { "qty" },
            insertNotMatched = false,
            deleteWhen = "_deleted",
            rows = new object[]
            {
                new { id = 1, status = "ignored", qty = 99, _deleted = false },
                new { id = 2, status = "x", qty = 0, _deleted = true },
                new { id = 8, status = "never", qty = 1, _deleted = false },
            },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1L, 1L, 0L), (merged.GetProperty("rowsUpdated").GetInt64(), merged.GetProperty("rowsDeleted").GetInt64(), merged.GetProperty("rowsInserted").GetInt64()));
        var rows = await lake.RowsAsync("SELECT id, status, qty FROM sales.m_clauses ORDER BY id");
        Assert.Equal(["0 old 0", "1 old 99", "3 old 30"], rows.Select(r => $"{r[0]} {r[1]} {r[2]}"));
    }

    [Fact]
    public async Task Keys_given_as_strings_match_date_keys()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_days AS SELECT DATE '2026-01-01' AS day, 1 AS n");

        var (status, merged) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_days/merge", new
        {
            keys = new[] { "day" },
            rows = new object[] { new { day = "2026-01-01", n = 5 }, new { day = "2026-01-02", n = 6 } },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1L, 1L), (merged.GetProperty("rowsUpdated").GetInt64(), merged.GetProperty("rowsInserted").GetInt64()));
        Assert.Equal(["2026-01-01 5", "2026-01-02 6"], (await lake.RowsAsync("SELECT strftime(day, '%Y-%m-%d'), n FROM sales.m_days ORDER BY day")).Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public async Task Values_carrying_sql_are_stored_literally_and_names_carrying_sql_are_refused()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_evil AS SELECT 1 AS id, 'first' AS text");
        const string evil = "x')) AS v(id, text)) AS src ON true WHEN MATCHED THEN DELETE; DROP TABLE sales.orders; --";

        var (valueStatus, _) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_evil/merge", new { keys = new[] { "id" }, rows = new[] { new { id = 1, text = evil } } });
        var (keyStatus, keyProblem) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_evil/merge",
            new { keys = new[] { "id\" = 1 OR true --" }, rows = new[] { new { id = 2, text = "b" } } });
        var (flagStatus, flagProblem) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_evil/merge",
            new { keys = new[] { "id" }, deleteWhen = "x\" OR true --", rows = new[] { new { id = 2, text = "b" } } });
        var (updateStatus, _) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_evil/merge",
            new { keys = new[] { "id" }, updateColumns = new[] { "text = 'pwned'" }, rows = new[] { new { id = 1, text = "b" } } });

        Assert.Equal(HttpStatusCode.OK, valueStatus);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [keyStatus, flagStatus, updateStatus]);
        Assert.Contains("has no column", keyProblem.Detail());
        Assert.Contains("not a field name", flagProblem.Detail());
        Assert.Equal(evil, Assert.Single(await lake.RowsAsync("SELECT id, text FROM sales.m_evil"))[1]);
        Assert.NotNull(await lake.TableAsync("sales", "orders"));
    }

    [Theory]
    [InlineData("""{"rows": [{"id": 1, "text": "a"}]}""", "needs \"keys\"")]
    [InlineData("""{"keys": ["id"], "rows": [{"text": "a"}]}""", "Row 1 has no value for the key 'id'")]
    [InlineData("""{"keys": ["id"], "rows": [{"id": 1, "text": "a"}, {"id": 1, "text": "b"}]}""", "multiple source rows matched")]
    [InlineData("""{"keys": ["id"], "deleteWhen": "text", "rows": [{"id": 1, "text": "a"}]}""", "is a column")]
    [InlineData("""{"keys": ["id"], "updateColumns": ["id"], "rows": [{"id": 1}]}""", "is a key")]
    [InlineData("""{"keys": ["id"], "updateColumns": [], "insertNotMatched": false, "rows": [{"id": 1}]}""", "would change nothing")]
    [InlineData("""{"keys": ["id"], "uploadId": "0123456789abcdef0123456789abcdef", "updateColumns": ["text"]}""", "merges on \"keys\" alone")]
    [InlineData("""{"keys": ["id"], "uploadId": "0123456789abcdef0123456789abcdef"}""", "no staged upload")]
    public async Task A_bad_merge_is_400_naming_the_fix_and_changes_nothing(string body, string named)
    {
        var table = "m_bad_" + Guid.NewGuid().ToString("N")[..8];
        await lake.AsAdminAsync($"CREATE TABLE sales.{table} AS SELECT 1 AS id, 'first' AS text");
        var version = (await lake.TableAsync("sales", table))!.CurrentVersion;

        var (status, problem) = await lake.Admin.PostApiAsync($"/api/v1/tables/main.sales.{table}/merge", System.Text.Json.JsonDocument.Parse(body).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, problem.Detail());
        Assert.Equal(version, (await lake.TableAsync("sales", table))!.CurrentVersion);
    }

    [Fact]
    public async Task Without_modify_a_merge_is_403_on_a_hidden_table_404_and_a_stale_if_match_412()
    {
        var merge = new { keys = new[] { "id" }, rows = new[] { new { id = 1, amount = 5 } } };
        var before = (await lake.TableAsync("sales", "orders"))!.CurrentVersion;

        var (denied, problem) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.orders/merge", merge);
        var (hidden, _) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.hr.salaries/merge", merge);
        var (stale, _) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.orders/merge", merge, r => r.Headers.TryAddWithoutValidation("If-Match", "\"999-1\""));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.PreconditionFailed), (denied, hidden, stale));
        Assert.Contains("MODIFY", problem.Detail());
        Assert.Equal(before, (await lake.TableAsync("sales", "orders"))!.CurrentVersion);
    }

    [Fact]
    public async Task An_upload_is_inserted_or_merged_into_an_existing_table_and_then_removed()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_files (id BIGINT, name VARCHAR)");
        var first = await UploadAsync(lake.Admin, "first.csv", "id,name\n1,ann\n2,bob\n");
        var second = await UploadAsync(lake.Admin, "second.csv", "id,name\n2,bea\n3,cid\n");

        var (insertStatus, inserted) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_files/rows", new { uploadId = first });
        var (mergeStatus, merged) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_files/merge", new { uploadId = second, keys = new[] { "id" } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (insertStatus, mergeStatus));
        Assert.Equal(2L, inserted.GetProperty("rowsAffected").GetInt64());
        Assert.Equal((1L, 1L), (merged.GetProperty("rowsUpdated").GetInt64(), merged.GetProperty("rowsInserted").GetInt64()));
        Assert.Equal(["1 ann", "2 bea", "3 cid"], (await lake.RowsAsync("SELECT id, name FROM sales.m_files ORDER BY id")).Select(r => $"{r[0]} {r[1]}"));
        var (_, uploads) = await lake.Admin.GetApiAsync("/api/v1/uploads");
        Assert.DoesNotContain(uploads.EnumerateArray(), u => u.GetProperty("id").GetString() is var id && (id == first || id == second));
    }

    [Fact]
    public async Task An_upload_whose_columns_do_not_fit_is_400_naming_them_and_is_kept()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_fit (id BIGINT, name VARCHAR)");
        var extra = await UploadAsync(lake.Admin, "extra.csv", "id,name,secret\n1,ann,x\n");
        var typed = await UploadAsync(lake.Admin, "typed.csv", "id,name\nnot-a-number,ann\n");

        var (extraStatus, extraProblem) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_fit/rows", new { uploadId = extra });
        var (typedStatus, typedProblem) = await lake.Admin.PostApiAsync("/api/v1/tables/main.sales.m_fit/merge", new { uploadId = typed, keys = new[] { "id" } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (extraStatus, typedStatus));
        Assert.Contains("secret", extraProblem.Detail());
        Assert.Contains("extra.csv cannot be loaded into main.sales.m_fit", extraProblem.Detail());
        Assert.Contains("id", typedProblem.Detail());
        Assert.DoesNotContain(lake.App.DataDirectory, extraProblem.Detail() + typedProblem.Detail());
        Assert.Equal(0L, (await lake.RowsAsync("SELECT count(*) FROM sales.m_fit"))[0][0]);
        var (_, uploads) = await lake.Admin.GetApiAsync("/api/v1/uploads");
        Assert.Contains(uploads.EnumerateArray(), u => u.GetProperty("id").GetString() == extra);
    }

    [Fact]
    public async Task Another_users_upload_cannot_be_loaded()
    {
        await lake.AsAdminAsync("CREATE TABLE sales.m_theirs (id BIGINT, name VARCHAR); GRANT MODIFY ON TABLE sales.m_theirs TO USER ann");
        var admins = await UploadAsync(lake.Admin, "admins.csv", "id,name\n1,secret\n");

        var (status, problem) = await lake.AnalystClient.PostApiAsync("/api/v1/tables/main.sales.m_theirs/rows", new { uploadId = admins });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("no staged upload", problem.Detail());
        Assert.Equal(0L, (await lake.RowsAsync("SELECT count(*) FROM sales.m_theirs"))[0][0]);
    }

    private static async Task<string> UploadAsync(HttpClient client, string name, string csv)
    {
        using var response = await client.PostAsync($"/api/v1/uploads?name={name}", new StringContent(csv));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }
}
