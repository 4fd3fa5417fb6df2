using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion;

/// <summary>
/// ISO dates are read by a cast when their text has the exact digit shape (faster than strptime); the
/// value must still be exactly what strptime gives, NULL included, for every text, or rows would move in or out of quarantine.
/// </summary>
public sealed class IsoDateParseTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>
{
    /// <summary>
    /// Each character of some canonical texts (every 50th valid one, every 500th other) replaced in turn by characters a
    /// cast might skip or accept, or dropped; and some with a leading space or a trailing letter.
    /// </summary>
    private static string Variants(string format) =>
        $"picked AS (SELECT s FROM canonical WHERE hash(s) % 500 = 0 OR (hash(s) % 50 = 0 AND try_strptime(s, '{format}') IS NOT NULL)) " +
        "SELECT s FROM canonical UNION ALL " +
        "SELECT s[1:p - 1] || c || s[p + 1:] FROM picked, range(1, length(s) + 1) r(p), unnest([' ', '+', '-', '/', 'T', 'x', '9', '0', '']) u(c) " +
        "UNION ALL SELECT ' ' || s FROM picked UNION ALL SELECT s || 'x' FROM picked UNION ALL SELECT s || ' ' FROM picked";

    [Fact]
    public void Dates_read_by_the_cast_get_exactly_what_strptime_gives()
    {
        const string format = "%Y-%m-%d", type = "DATE";
        const string canonical =
            "SELECT lpad(CAST(y AS VARCHAR), 4, '0') || '-' || lpad(CAST(m AS VARCHAR), 2, '0') || '-' || lpad(CAST(d AS VARCHAR), 2, '0') AS s " +
            "FROM range(0, 10000, 37) a(y), range(0, 100) b(m), range(0, 100) c(d) UNION ALL SELECT '2000-02-29' UNION ALL SELECT '1900-02-29'";
        var parsed = TypedExpression.Parse("s", ParseMethod.Strptime(format), type, "VARCHAR");
        var strptime = $"TRY_CAST(try_strptime(s, '{format}') AS {type})";
        var texts = $"WITH canonical AS ({canonical}), {Variants(format)}";
        var differing = SqlProbe.Rows(duck.Database,
            $"SELECT s, CAST({parsed} AS VARCHAR) AS cast_value, CAST({strptime} AS VARCHAR) AS strptime_value FROM ({texts}) WHERE ({parsed}) IS DISTINCT FROM ({strptime}) LIMIT 5");
        var castable = SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({texts}) WHERE {IsoDateShape.CastCondition("s", format, type)}");
        // The texts include ones where a plain cast is wrong (e.g. 2024-01-5x), so the guard is what the test checks.
        var plainCastWrong = SqlProbe.Long(duck.Database, $"SELECT count(*) FROM ({texts}) WHERE TRY_CAST(s AS DATE) IS DISTINCT FROM ({strptime})");

        Assert.Empty(differing.Select(r => r.ToString()));
        Assert.True(castable > 10_000, "the cast must be what reads the canonical texts");
        Assert.True(plainCastWrong > 0, "the texts must include ones a plain cast reads differently");
    }

    [Fact]
    public void Other_formats_and_types_keep_strptime()
    {
        Assert.Null(IsoDateShape.CastCondition("s", "%d/%m/%Y", "DATE"));
        Assert.Null(IsoDateShape.CastCondition("s", "%Y-%m-%d", "TIMESTAMP"));
        Assert.Null(IsoDateShape.CastCondition("s", "%Y-%m-%d %H:%M:%S", "TIMESTAMP"));
        Assert.DoesNotContain("GLOB", TypedExpression.Parse("s", ParseMethod.Strptime("%m/%d/%Y"), "DATE", "VARCHAR"), StringComparison.Ordinal);
    }
}
