using System.Text;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class SourceEdgeCaseTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    private async Task<(ProposedSchema Schema, List<object?[]> Rows)> ReadAsync(string path)
    {
        var source = await SourceDetector.DetectAsync(_db.Connection, path);
        ProposedSchema schema;
        using (var sample = SourceSample.Create(_db.Connection, source))
        {
            schema = SchemaProposer.Propose(_db.Connection, sample, source);
        }
        var rows = new List<object?[]>();
        using var reader = _db.Connection.ExecuteReader(SourceSelect.Build(schema));
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, schema.Columns.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }
        return (schema, rows);
    }

    [Fact]
    public async Task Header_only_file_gives_nullable_text_columns_and_no_rows()
    {
        var (schema, rows) = await ReadAsync(_files.Write("header.csv", "id,name,amount\n"));
        Assert.Equal(["id", "name", "amount"], schema.Columns.Select(c => c.Name));
        Assert.All(schema.Columns, c => Assert.Equal(("VARCHAR", true), (c.DuckDbType, c.Nullable)));
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Utf8_bom_is_not_part_of_the_first_name()
    {
        var (schema, rows) = await ReadAsync(_files.Write("bom.csv", "id,name\n1,a\n2,b\n", new UTF8Encoding(true)));
        Assert.Equal("id", schema.Columns[0].OriginalName);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Ragged_rows_are_padded_with_nulls_instead_of_losing_the_header()
    {
        var (schema, rows) = await ReadAsync(_files.Write("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,9\n"));
        Assert.True(schema.Source.Dialect!.NullPadding);
        Assert.Equal(["a", "b", "c"], schema.Columns.Take(3).Select(c => c.Name));
        Assert.Equal(3, rows.Count);
        Assert.Null(rows[1][2]);
    }

    [Fact]
    public async Task Mixed_line_endings_with_quoted_newlines_read_leniently()
    {
        var (schema, rows) = await ReadAsync(_files.Write("mixed.csv", "a,b\r\n1,\"multi\nline\"\n2,x\r\n3,y\n"));
        Assert.False(schema.Source.Dialect!.StrictMode);
        Assert.Equal(3, rows.Count);
        Assert.Equal("multi\nline", rows[0][1]);
    }

    [Fact]
    public async Task A_ten_megabyte_cell_is_read_whole()
    {
        var (_, rows) = await ReadAsync(_files.Write("long.csv", "id,text\n1," + new string('x', 10_000_000) + "\n2,short\n"));
        Assert.Equal(10_000_000, ((string)rows[0][1]!).Length);
        Assert.Equal("short", rows[1][1]);
    }

    [Fact]
    public async Task File_names_with_quotes_and_odd_characters_are_quoted_in_sql()
    {
        var (_, rows) = await ReadAsync(_files.Write("it's; odd (1).csv", "a,b\n1,2\n"));
        Assert.Equal([1L, 2L], rows.Single());
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
