using System.Globalization;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Load;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Ingestion.Load;

/// <summary>
/// Bad values in typed columns (integers, doubles, ISO dates and timestamps, booleans) put exactly their rows in
/// quarantine with the failing columns as reasons, are skipped, or fail the load; a value that did not parse never
/// reaches the table as NULL, while an empty value does.
/// </summary>
public sealed class TypedColumnBadRowTests(DuckDbFixture duck) : IClassFixture<DuckDbFixture>, IDisposable
{
    private const string Header = "id,amount,day,at,paid,note\n";
    private const int Rows = 5_000;
    private readonly LoadFixture _f = new(duck);

    /// <summary>Rows replaced by bad ones, by id, with the columns that must be named as the reason.</summary>
    private static readonly (int Id, string Line, string Reason)[] Bad =
    [
        (101, "101,abc,2024-01-05,2024-01-05 10:00:00,true,x", "amount"),
        (202, "202,1.5,2024-02-30,2024-01-05 10:00:00,false,x", "day"),
        (303, "303,1.5,2024-01-05,2024-01-05 25:00:00,true,x", "at"),
        (404, "404,1.5,2024-01-05,2024-01-05 10:00:00,maybe,x", "paid"),
        (505, "505,1.5,2024-1-5x,2024-13-05 10:00:00,true,x", "day,at"),
        (606, "0606,1.5,2024-01-05,2024-01-05 10:00:00,true,x", "id"),
    ];

    private static string File(bool withBadRows)
    {
        var bad = withBadRows ? Bad.ToDictionary(b => b.Id, b => b.Line) : [];
        var text = new StringBuilder(Header);
        for (var i = 1; i <= Rows; i++)
        {
            // Every 9th row has empty typed values: those load as NULL, unlike values that did not parse.
            text.Append(bad.TryGetValue(i, out var line)
                ? line
                : i % 9 == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{i},,,,,n")
                    : string.Create(CultureInfo.InvariantCulture, $"{i},{i % 100}.5,2024-03-{1 + i % 28:00},2024-03-01 {i % 24:00}:{i % 60:00}:07,{(i % 2 == 0 ? "true" : "false")},n{i % 13}"))
                .Append('\n');
        }

        return text.ToString();
    }

    private async Task<ProposedSchema> SchemaReadingBadFileAsync()
    {
        var schema = await _f.ProposeAsync(_f.Write("clean.csv", File(withBadRows: false)));
        Assert.Equal(
            ["id BIGINT", "amount DOUBLE", "day DATE", "at TIMESTAMP", "paid BOOLEAN", "note VARCHAR"],
            schema.Columns.Select(c => $"{c.Name} {c.DuckDbType}"));
        return LoadFixture.Reading(schema, _f.Write("bad.csv", File(withBadRows: true)));
    }

    [Theory]
    [InlineData(BadRowPolicy.Quarantine)]
    [InlineData(BadRowPolicy.Skip)]
    public async Task Exactly_the_rows_with_bad_typed_values_are_left_out_and_none_becomes_null(BadRowPolicy policy)
    {
        var schema = await SchemaReadingBadFileAsync();
        var table = _f.Table();

        var report = await new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { BadRows = policy });

        var left = policy == BadRowPolicy.Quarantine ? (Bad.Length, 0) : (0, Bad.Length);
        Assert.Equal((Rows, Rows - Bad.Length, left.Item1, left.Item2), ((int)report.RowsRead, (int)report.RowsLoaded, (int)report.RowsQuarantined, (int)report.RowsSkipped));
        var rows = $"({LoadFixture.Rows(table)})";
        Assert.Equal(0, _f.Count($"SELECT count(*) FROM {rows} WHERE id IN ({string.Join(", ", Bad.Select(b => b.Id))})"));
        foreach (var column in new[] { "amount", "day", "at", "paid" })
        {
            // Only the empty values are NULL: each of the Rows / 9 rows written empty, none that failed to parse.
            Assert.Equal(Rows / 9, _f.Count($"SELECT count(*) FROM {rows} WHERE \"{column}\" IS NULL"));
        }

        Assert.Equal(policy == BadRowPolicy.Quarantine, await _f.Table("customers_quarantine").ExistsAsync());
        if (policy == BadRowPolicy.Quarantine)
        {
            var quarantined = SqlProbe.Rows(duck.Database,
                $"SELECT id, amount, day, \"at\", paid, note, array_to_string(_nl_parse_errors, ',') AS reason FROM ({LoadFixture.Rows(_f.Table("customers_quarantine"))}) ORDER BY CAST(id AS INTEGER)");
            Assert.Equal(
                Bad.Select(b => b.Line + "|" + b.Reason),
                quarantined.Select(r => string.Join(",", new[] { "id", "amount", "day", "at", "paid", "note" }.Select(c => r.GetProperty(c).GetString())) + "|" + r.GetProperty("reason").GetString()));
        }
    }

    [Fact]
    public async Task Bad_typed_values_fail_the_load_naming_their_columns_when_asked_and_nothing_is_written()
    {
        var schema = await SchemaReadingBadFileAsync();
        var table = _f.Table();

        var error = await Assert.ThrowsAsync<IngestionException>(() =>
            new IngestionLoader(duck.Database).LoadAsync(new LoadRequest(table, schema, LoadMode.NewTable) { BadRows = BadRowPolicy.Fail }));

        Assert.StartsWith($"{Bad.Length} of {Rows} row(s) have values that did not parse (columns amount, at, day, id, paid)", error.Message, StringComparison.Ordinal);
        Assert.False(await table.ExistsAsync());
        Assert.False(await _f.Table("customers_quarantine").ExistsAsync());
    }

    public void Dispose() => _f.Dispose();
}
