using NeuroLake.Engine.DuckDb;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class SchemaProposalTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    private async Task<ProposedSchema> ProposeAsync(string path)
    {
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        using var sample = SourceSample.Create(_db.Connection, source);
        return SchemaProposer.Propose(_db.Connection, sample, source);
    }

    [Theory]
    [InlineData("airports.csv", 3376)]
    [InlineData("birdstrikes.csv", 10000)]
    [InlineData("zipcodes.csv", 42049)]
    [InlineData("stocks.csv", 560)]
    [InlineData("unemployment.tsv", 3218)]
    [InlineData("movies.json", 3201)]
    [InlineData("weekly-weather.json", 10)]
    [InlineData("world-countries.json", 250)]
    public async Task Messy_files_read_every_row_with_no_parse_failures(string file, long rows)
    {
        var schema = await ProposeAsync(IngestionTestFiles.Messy(file));
        using var reader = _db.Connection.ExecuteReader($"SELECT count(*), count_if({SourceSelect.ParseFailedColumn}) FROM ({SourceSelect.Build(schema)})");
        Assert.True(reader.Read());
        Assert.Equal((rows, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
        Assert.All(schema.Columns, c => Assert.Matches("^[a-z_][a-z0-9_]*$", c.Name));
    }

    [Fact]
    public async Task Month_name_dates_that_duckdb_leaves_as_text_become_dates()
    {
        var schema = await ProposeAsync(IngestionTestFiles.Messy("stocks.csv"));
        Assert.Equal("VARCHAR", schema.Source.Columns[1].DuckDbType);
        Assert.Equal("DATE", schema["date"].DuckDbType);
        Assert.Equal(ParseMethod.Strptime("%b %d %Y"), schema["date"].Parse);
        Assert.Equal(new DateTime(2000, 1, 1), _db.Scalar($"SELECT min(date)::TIMESTAMP FROM ({SourceSelect.Build(schema)})"));
        Assert.Equal(560L, _db.Scalar($"SELECT count(*) FROM ({SourceSelect.Build(schema)}) WHERE NOT {SourceSelect.ParseFailedColumn}"));
    }

    [Fact]
    public async Task Leading_zero_codes_stay_text_and_headers_get_clean_names()
    {
        var zips = await ProposeAsync(IngestionTestFiles.Messy("zipcodes.csv"));
        Assert.Equal("VARCHAR", zips["zip_code"].DuckDbType);
        Assert.False(zips.SampleCoversSource);
        Assert.Equal("00501", zips.Preview[0][0]);

        var birds = await ProposeAsync(IngestionTestFiles.Messy("birdstrikes.csv"));
        Assert.Equal("Cost Total $", birds["cost_total"].OriginalName);
        Assert.Equal("BIGINT", birds["cost_total"].DuckDbType);
        Assert.Equal("DATE", birds["flight_date"].DuckDbType);
        Assert.True(birds["speed_ias_in_knots"].Nullable);
        Assert.False(birds["airport_name"].Nullable);
        Assert.Equal(8939L, _db.Scalar($"SELECT count(*) FROM ({SourceSelect.Build(birds)}) WHERE effect_amount_of_damage = 'None'"));
    }

    [Fact]
    public async Task Json_mixed_scalars_become_text_and_month_name_release_dates_become_dates()
    {
        var movies = await ProposeAsync(IngestionTestFiles.Messy("movies.json"));
        Assert.Equal("JSON", movies["title"].Source.DuckDbType);
        Assert.Equal(("VARCHAR", ParseKind.JsonScalarText), (movies["title"].DuckDbType, movies["title"].Parse.Kind));
        Assert.Equal("DATE", movies["release_date"].DuckDbType);
        var select = SourceSelect.Build(movies);
        Assert.Equal(3201L, _db.Scalar($"SELECT count(*) FROM ({select})"));
        Assert.Equal(1L, _db.Scalar($"SELECT count(*) FROM ({select}) WHERE title = '1776'"));
    }

    [Fact]
    public async Task Nested_json_and_parquet_keep_duckdb_types()
    {
        var weather = await ProposeAsync(IngestionTestFiles.Messy("weekly-weather.json"));
        Assert.StartsWith("STRUCT", weather["forecast"].DuckDbType);
        Assert.True(weather["forecast"].Nullable);
        Assert.True(weather.SampleCoversSource);

        var flights = await ProposeAsync(IngestionTestFiles.Messy("flights-3m.parquet"));
        Assert.Equal("TIMESTAMP", flights["date"].DuckDbType);
        Assert.Equal(SourceSample.DefaultRows, flights.SampledRows);
    }

    [Fact]
    public async Task Thousands_separators_become_numbers_and_leading_zeros_do_not()
    {
        var path = _files.Write("amounts.csv",
            "order_no,amount,price,zip\n00123,\"1,234,567\",\"1,234.50\",02134\n00124,\"12\",\"7.25\",10001\n00125,\"3,000\",\"2,000.125\",90210\n");
        var schema = await ProposeAsync(path);
        Assert.Equal("VARCHAR", schema["order_no"].DuckDbType);
        Assert.Equal("VARCHAR", schema["zip"].DuckDbType);
        Assert.Equal(("BIGINT", ParseKind.ThousandsSeparator), (schema["amount"].DuckDbType, schema["amount"].Parse.Kind));
        Assert.Equal("DECIMAL(38,3)", schema["price"].DuckDbType);
        Assert.Equal(1234567L + 12 + 3000, _db.Scalar($"SELECT sum(amount)::BIGINT FROM ({SourceSelect.Build(schema)})"));
        Assert.Equal("00123", _db.Scalar($"SELECT min(order_no) FROM ({SourceSelect.Build(schema)})"));
    }

    [Fact]
    public async Task Yyyymmdd_numbers_are_dates_only_in_a_date_named_column()
    {
        var path = _files.Write("days.csv", "order_date,batch\n20240131,20240131\n20231105,20231105\n19991231,19991231\n");
        var schema = await ProposeAsync(path);
        Assert.Equal(("DATE", "%Y%m%d"), (schema["order_date"].DuckDbType, schema["order_date"].Parse.Format));
        Assert.Equal("BIGINT", schema["batch"].DuckDbType);

        var invalid = _files.Write("not_days.csv", "order_date\n20240131\n20241399\n");
        Assert.NotEqual("DATE", (await ProposeAsync(invalid))["order_date"].DuckDbType);
    }

    [Fact]
    public async Task Values_that_do_not_parse_become_null_and_flag_their_row()
    {
        var path = _files.Write("mixed.csv", "id,qty\n1,10\n2,11\n3,12\n");
        var schema = await ProposeAsync(path);
        var overridden = schema.Columns.Select(c => c.Name == "qty" ? c with { DuckDbType = "TINYINT" } : c).ToList();
        _db.Connection.Execute("CREATE TABLE raw AS SELECT * FROM (VALUES ('1', '10'), ('2', 'lots'), ('3', NULL), ('4', '300')) t(id, qty)");
        using var reader = _db.Connection.ExecuteReader($"SELECT id, qty, {SourceSelect.ParseFailedColumn}, {SourceSelect.ParseErrorsColumn} FROM ({SourceSelect.Build(overridden, "raw")}) ORDER BY id");
        var rows = new List<(long, bool, bool, int)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1), reader.GetBoolean(2), ((List<object?>)reader.GetValue(3)!).Count));
        }
        Assert.Equal([(1L, false, false, 0), (2L, true, true, 1), (3L, true, false, 0), (4L, true, true, 1)], rows);
    }

    [Fact]
    public void Text_with_a_leading_zero_read_as_an_integer_fails_instead_of_losing_the_zero()
    {
        _db.Connection.Execute("CREATE TABLE codes AS SELECT * FROM (VALUES ('12345'), ('01234'), ('0'), (NULL)) t(code)");
        var column = new ProposedColumn("code", "code", new SourceColumn("code", "BIGINT", ReadAsText: true), "BIGINT", true, ParseMethod.Cast);
        using var reader = _db.Connection.ExecuteReader($"SELECT code, {SourceSelect.ParseFailedColumn} FROM ({SourceSelect.Build([column], "codes")})");
        var rows = new List<(long?, bool)>();
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetBoolean(1)));
        }
        Assert.Equal([(12345L, false), (null, true), (0L, false), (null, false)], rows);
    }

    [Fact]
    public async Task Timestamps_with_offsets_keep_their_multi_word_type()
    {
        var schema = await ProposeAsync(_files.Write("events.csv", "at,n\n2024-01-02 10:00:00+02,1\n2024-03-04 11:30:00+00,2\n"));
        Assert.Equal("TIMESTAMP WITH TIME ZONE", schema["at"].DuckDbType);
        Assert.Equal(0L, _db.Scalar($"SELECT count_if({SourceSelect.ParseFailedColumn})::BIGINT FROM ({SourceSelect.Build(schema)})"));
    }

    [Fact]
    public void Caller_types_that_are_not_type_names_are_refused()
    {
        var column = new ProposedColumn("x", "x", new SourceColumn("x", "VARCHAR", ReadAsText: true), "INT); DROP TABLE t; --", true, ParseMethod.Cast);
        var error = Assert.Throws<NeuroLake.Engine.Ingestion.IngestionException>(() => SourceSelect.Build([column], "t"));
        Assert.Contains("not a DuckDB type", error.Message);
    }

    [Fact]
    public void Caller_names_must_be_distinct_identifiers()
    {
        var source = new SourceColumn("a", "VARCHAR", ReadAsText: true);
        var bad = new ProposedColumn("first name", "a", source, "VARCHAR", true, ParseMethod.AsRead);
        Assert.Contains("not a valid column name", Assert.Throws<NeuroLake.Engine.Ingestion.IngestionException>(() => SourceSelect.Build([bad], "t")).Message);
        var twice = new ProposedColumn("Name", "a", source, "VARCHAR", true, ParseMethod.AsRead);
        var error = Assert.Throws<NeuroLake.Engine.Ingestion.IngestionException>(() => SourceSelect.Build([twice, twice with { Name = "name" }], "t"));
        Assert.Contains("Two columns", error.Message);
    }

    [Fact]
    public async Task Wide_files_get_every_column_typed_and_assessed()
    {
        const int columns = 250;
        var text = new System.Text.StringBuilder(string.Join(",", Enumerable.Range(0, columns).Select(c => $"c{c}"))).Append('\n');
        for (var row = 0; row < 40; row++)
        {
            text.AppendJoin(",", Enumerable.Range(0, columns).Select(c => (c % 3) switch
            {
                0 => row.ToString(),
                1 => $"Jan {row % 28 + 1} 2001",
                _ => row == 0 ? "" : $"w{row}",
            })).Append('\n');
        }
        var schema = await ProposeAsync(_files.Write("wide.csv", text.ToString()));
        Assert.Equal(columns, schema.Columns.Count);
        Assert.All(schema.Columns, c => Assert.Equal((int.Parse(c.Name[1..]) % 3) switch { 0 => "BIGINT", 1 => "DATE", _ => "VARCHAR" }, c.DuckDbType));
        var report = NeuroLake.Engine.Ingestion.Quality.QualityAssessor.Assess(_db.Connection, new($"({SourceSelect.Build(schema)})"));
        Assert.Equal(columns, report.Columns.Count);
        Assert.Equal(1, report["c248"].NullCount);
        Assert.Equal(28, report["c247"].DistinctCount);
        Assert.Equal("39", report["c249"].Max);
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
