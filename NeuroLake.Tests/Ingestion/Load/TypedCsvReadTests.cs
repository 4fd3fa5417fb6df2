using System.Globalization;
using System.Text;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>
/// A CSV load first reads its DOUBLE and ISO DATE columns with DuckDB's typed CSV parser. Every text that parser
/// accepts must get the value the checked text read gives, and never one the checked read would quarantine; texts it
/// refuses are left to the checked read, which the load falls back to.
/// </summary>
public sealed class TypedCsvReadTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private readonly LoadFixture _f = new(duck);

    /// <summary>Texts around what a number parser may accept, skip or round differently (no commas or quotes: they are CSV syntax).</summary>
    private static readonly string[] NumberTexts =
    [
        "1", "-1", "+1", "1.5", ".5", "5.", "-.5e-2", "+.5", "1e5", "1E-5", "1.5e+3", "1e", "e5", "1.5.5", "--1", "+-1",
        " 1.5", "1.5 ", " 1.5 ", "\t1.5", "1 000", "1_000", "1__0", "0x10", "0b101", "1d", "1f", "1%", "€1", "١٢",
        "inf", "-inf", "Infinity", "-Infinity", "NaN", "nan", "-nan", "TRUE", "abc", "  ", "0", "-0", "00.5", "007",
        "1e400", "-1e400", "1e-400", "4.9e-324", "1.7976931348623157e308", "2.2250738585072014e-308", "0.1", "0.30000000000000004",
        "123456789012345678901234567890", "9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
    ];

    /// <summary>Texts around what a date parser may accept: other shapes, signs, eras, spaces, impossible days.</summary>
    private static readonly string[] DateTexts =
    [
        "2024-01-05", "2024-1-5", "2024-01-5", " 2024-01-05", "2024-01-05 ", "2024-02-29", "2023-02-29", "2024-02-30",
        "0000-01-01", "0001-01-01", "9999-12-31", "10000-01-01", "-2024-01-05", "+2024-01-05", "2024-01-05T00:00",
        "2024-01-05 00:00:00", "2024/01/05", "20240105", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "24-01-05",
        "2024-01-05x", "x2024-01-05", "2024-01-05 BC", "2024-01-05 (BC)", "infinity", "-infinity", "epoch", "1900-02-29",
        "2024-W01", "2024-001", "  ", "abc",
    ];

    [Fact]
    public async Task Numbers_the_typed_parser_accepts_equal_the_checked_cast()
    {
        // Generated texts too: the shortest round-trip and fixed-point spellings of a spread of doubles.
        var generated = Enumerable.Range(0, 5_000).SelectMany(i =>
        {
            var d = Math.Pow(-1.37, i % 700) * (i + 0.123) / 7;
            return new[] { d.ToString("R", CultureInfo.InvariantCulture), d.ToString("F6", CultureInfo.InvariantCulture), d.ToString("E3", CultureInfo.InvariantCulture) };
        });
        var (accepted, refused, differing) = await CompareAsync(NumberTexts.Concat(generated), "DOUBLE", ParseMethod.Cast);

        Assert.Empty(differing);
        Assert.True(accepted > 10_000, $"the typed parser must read the ordinary numbers (read {accepted})");
        Assert.True(refused > 0, "the texts must include ones the typed parser refuses");
    }

    [Fact]
    public async Task Dates_the_typed_parser_accepts_equal_the_checked_strptime()
    {
        // Every month and day 00–99 of a spread of years, in the ISO shape and with one character dropped or replaced.
        var generated = new List<string>();
        for (var year = 0; year < 10_000; year += 997)
        {
            for (var month = 0; month < 100; month++)
            {
                for (var day = 0; day < 100; day++)
                {
                    var text = string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");
                    generated.Add(text);
                    if ((month * 100 + day) % 97 == 0)
                    {
                        generated.AddRange(Enumerable.Range(0, text.Length).SelectMany(p => new[] { text.Remove(p, 1), text.Remove(p, 1).Insert(p, " "), text.Remove(p, 1).Insert(p, "/") }));
                    }
                }
            }
        }

        var (accepted, refused, differing) = await CompareAsync(DateTexts.Concat(generated), "DATE", ParseMethod.Strptime(TypedCsvRead.IsoDate));

        Assert.Empty(differing);
        Assert.True(accepted > 4_000, $"the typed parser must read the ordinary dates (read {accepted})");
        Assert.True(refused > 0, "the texts must include ones the typed parser refuses");
    }

    [Fact]
    public async Task Quoted_texts_the_typed_parser_accepts_equal_the_checked_read()
    {
        // With a quote character in the dialect: quoted values, quoted empties (NULL both ways), quoted delimiters and spaces.
        string[] numbers = ["\"1.5\"", "\"\"", "\" 1.5 \"", "\"1,5\"", "\"1e3\"", "\"abc\"", "\"-0\"", "2.5", "\"-1e-3\"", "\"nan\""];
        string[] dates = ["\"2024-01-05\"", "\"\"", "\" 2024-01-05\"", "\"2024-01-05,\"", "2024-02-29", "\"2024-1-5\""];

        var (acceptedNumbers, refusedNumbers, differingNumbers) = await CompareAsync(numbers, "DOUBLE", ParseMethod.Cast, quoted: true);
        var (acceptedDates, refusedDates, differingDates) = await CompareAsync(dates, "DATE", ParseMethod.Strptime(TypedCsvRead.IsoDate), quoted: true);

        Assert.Empty(differingNumbers);
        Assert.Empty(differingDates);
        Assert.True(acceptedNumbers >= 5 && acceptedDates >= 3, $"read {acceptedNumbers} numbers and {acceptedDates} dates");
        Assert.True(refusedNumbers > 0 && refusedDates > 0, "the texts must include ones the typed parser refuses");
    }

    [Fact]
    public async Task Only_double_and_iso_date_columns_of_a_csv_are_read_typed()
    {
        var schema = await _f.ProposeAsync(_f.Write("mixed.csv", "id,code,day,us_day,amount,price,note\n1,007,2024-01-05,01/05/2024,1.5,\"1,200.50\",x\n2,008,2024-01-06,01/06/2024,2.5,\"2,000.00\",y\n"));
        Assert.Equal(
            ["id BIGINT Cast", "code VARCHAR AsRead", "day DATE Strptime(%Y-%m-%d)", "us_day DATE Strptime(%m/%d/%Y)", "amount DOUBLE Cast", "price DECIMAL(38,2) ThousandsSeparator", "note VARCHAR AsRead"],
            schema.Columns.Select(c => $"{c.Name} {c.DuckDbType} {c.Parse}"));

        var plan = TypedCsvRead.Plan(schema.Columns, schema.Source);

        Assert.NotNull(plan);
        Assert.Equal(["day", "amount"], plan.Value.Columns.Where(c => !c.Source.ReadAsText).Select(c => c.Name));
        Assert.Contains("'day': 'DATE'", plan.Value.Relation, StringComparison.Ordinal);
        Assert.Contains("'amount': 'DOUBLE'", plan.Value.Relation, StringComparison.Ordinal);
        Assert.Contains("'us_day': 'VARCHAR'", plan.Value.Relation, StringComparison.Ordinal);
        var json = await _f.ProposeAsync(_f.Write("rows.ndjson", "{\"a\": 1.5, \"d\": \"2024-01-05\"}\n"));
        Assert.Null(TypedCsvRead.Plan(json.Columns, json.Source));
    }

    /// <summary>
    /// Reads one CSV of the texts twice: typed (rows it refuses skipped, to see them all in one read) and checked.
    /// Returns how many the typed parser read and refused, and the texts whose values differ or that it read although
    /// the checked read fails them.
    /// </summary>
    private async Task<(long Accepted, long Refused, List<string> Differing)> CompareAsync(IEnumerable<string> texts, string type, ParseMethod parse, bool quoted = false)
    {
        var file = new StringBuilder("n,v\n");
        var count = 0;
        foreach (var text in texts)
        {
            file.Append(count++).Append(',').Append(text).Append('\n');
        }

        // The proposal reads v as text (the file is mixed); the load is then asked for the type, as a user's edit would.
        var proposed = await _f.ProposeAsync(_f.Write("texts.csv", quoted ? "n,v\n0,\"x,1\"\n1,\"y\"\n" : "n,v\n0,x\n1,y\n"));
        Assert.Equal(quoted ? "\"" : "", proposed.Source.Dialect!.Quote);
        var schema = LoadFixture.Reading(proposed, _f.Write(type + ".csv", file.ToString()));
        var columns = schema.Columns.Select(c => c.Name == "v" ? c with { DuckDbType = type, Parse = parse } : c).ToList();
        var plan = TypedCsvRead.Plan(columns, schema.Source) ?? throw new InvalidOperationException("v must be read typed");
        var typed = SourceSelect.Build(plan.Columns, plan.Relation[..^1] + ", ignore_errors = true)");
        var checkedRead = SourceSelect.Build(columns, schema.Source.RawRelationSql(), includeRaw: true);
        var compared = $"SELECT c.{SourceSelect.RawPrefix}v AS raw, CAST(t.v AS VARCHAR) AS typed, CAST(c.v AS VARCHAR) AS checked_value, c.{SourceSelect.ParseFailedColumn} AS failed " +
                       $"FROM ({typed}) t JOIN ({checkedRead}) c USING (n)";
        var differing = SqlProbe.Rows(duck.Database, $"SELECT * FROM ({compared}) WHERE typed IS DISTINCT FROM checked_value OR failed LIMIT 10")
            .Select(r => r.ToString()).ToList();
        // Counted over the values: a bare count(*) lets DuckDB skip parsing v, and so skip nothing.
        var accepted = SqlProbe.Long(duck.Database, $"SELECT count(v) + count(*) FILTER (WHERE v IS NULL) FROM ({typed})");
        return (accepted, count - accepted, differing);
    }

    public void Dispose() => _f.Dispose();
}
