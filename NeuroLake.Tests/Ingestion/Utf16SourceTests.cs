using System.IO.Compression;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Engine.Ingestion.Schema;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class Utf16SourceTests : IDisposable
{
    private const string Cities = "id;city;amount\n1;Zürich;10.5\n2;東京;20\n3;Malmö;30.25\n4;São Paulo;40\n";

    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    public static TheoryData<string, bool, bool, string> Layouts => new()
    {
        { "be-bom.csv", true, true, "utf-16be" },
        { "le-nobom.csv", false, false, "utf-16le" },
        { "be-nobom.csv", true, false, "utf-16be" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task Utf16_that_duckdb_cannot_read_is_transcoded_and_proposed_like_utf8(string file, bool bigEndian, bool bom, string name)
    {
        var path = _files.WriteBytes(file, Bytes(Cities, bigEndian, bom));

        var schema = await SchemaProposer.ProposeFileAsync(_db.Connection, path);

        Assert.Equal(new TranscodedCopy(path, bigEndian ? Utf16Text.BigEndian : Utf16Text.LittleEndian, SourceCompression.None), schema.Source.Transcoded);
        Assert.Equal(name, schema.Source.OriginalEncodingName);
        await AssertLikeUtf8Async(schema);
        schema.Source.DeleteTranscodedCopy();
        Assert.False(Directory.Exists(Path.Combine(_files.Folder, ".utf-8")), "The transcoded copy or its folder was left behind.");
        Assert.True(File.Exists(path), "The original belongs to its owner.");
    }

    [Fact]
    public async Task Gzip_compressed_big_endian_is_decompressed_and_transcoded()
    {
        var path = Path.Combine(_files.Folder, "cities.csv.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Bytes(Cities, bigEndian: true, bom: true));
        }

        var schema = await SchemaProposer.ProposeFileAsync(_db.Connection, path);

        Assert.Equal((SourceCompression.None, SourceCompression.Gzip), (schema.Source.Compression, schema.Source.OriginalCompression));
        Assert.Equal("cities.csv", Path.GetFileName(schema.Source.Path));
        await AssertLikeUtf8Async(schema);
    }

    [Fact]
    public async Task Little_endian_with_a_bom_is_still_read_by_duckdb_directly()
    {
        var path = _files.WriteBytes("le-bom.csv", Bytes(Cities, bigEndian: false, bom: true));

        var source = await SourceDetector.DetectAsync(_db.Connection, path);

        Assert.Null(source.Transcoded);
        Assert.Equal((TextEncoding.Utf16, path), (source.Encoding, source.Path));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Utf16_json_is_transcoded_because_read_json_takes_utf8_only(bool bigEndian, bool bom)
    {
        var path = _files.WriteBytes("cities.json", Bytes("[{\"id\": 1, \"city\": \"Zürich\"}, {\"id\": 2, \"city\": \"東京\"}]", bigEndian, bom));

        var source = await SourceDetector.DetectAsync(_db.Connection, path);

        Assert.Equal((SourceFormat.JsonArray, bigEndian ? "utf-16be" : "utf-16le"), (source.Format, source.OriginalEncodingName));
        Assert.Equal("東京", _db.Scalar($"SELECT city FROM {source.RawRelationSql()} WHERE id = 2"));
    }

    [Fact]
    public async Task A_chosen_encoding_reads_utf16_that_the_heuristic_cannot_see()
    {
        // Mostly CJK text has too few zero bytes for the heuristic; the caller names the encoding instead.
        var path = _files.WriteBytes("cjk.csv", Bytes("都市;県\n東京;東京都\n大阪;大阪府\n京都;京都府\n", bigEndian: true, bom: false));

        var source = await SourceDetector.DetectAsync(_db.Connection, path, progress: null, EncodingChoice.Parse("UTF-16BE"));

        Assert.Equal(Utf16Text.BigEndian, source.Transcoded?.Encoding);
        Assert.Equal("大阪府", _db.Scalar($"SELECT \"県\" FROM {source.RawRelationSql()} WHERE \"都市\" = '大阪'"));
        Assert.Null(Utf16Probe.Detect(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public void An_unknown_encoding_name_is_refused_listing_the_choices()
    {
        var error = Assert.Throws<IngestionException>(() => EncodingChoice.Parse("ebcdic"));
        Assert.Contains("use utf-8, latin-1, utf-16le or utf-16be", error.Message);
        Assert.Equal(EncodingChoice.Latin1, EncodingChoice.Parse("ISO-8859-1"));
    }

    [Fact]
    public async Task Utf16_with_an_odd_number_of_bytes_is_refused_and_leaves_no_copy()
    {
        var bytes = Bytes(Cities, bigEndian: true, bom: false);
        var path = _files.WriteBytes("cut.csv", bytes[..^1]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Contains("'cut.csv' is utf-16be text with an odd number of bytes", error.Message);
        Assert.Contains("upload the complete file", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(_files.Folder, ".utf-8")));
    }

    [Fact]
    public async Task An_unpaired_surrogate_is_refused_with_a_fix()
    {
        var bytes = Bytes(Cities, bigEndian: false, bom: false);
        var path = _files.WriteBytes("broken.csv", [.. bytes, 0x00, 0xD8, (byte)'x', 0x00]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Contains("is not valid utf-16le text", error.Message);
    }

    [Fact]
    public async Task Zstd_compressed_big_endian_is_decompressed_and_transcoded()
    {
        var path = Path.Combine(_files.Folder, "cities.csv.zst");
        await using (var zstd = new ZstdSharp.CompressionStream(File.Create(path), leaveOpen: false))
        {
            await zstd.WriteAsync(Bytes(Cities, bigEndian: true, bom: false));
        }

        var schema = await SchemaProposer.ProposeFileAsync(_db.Connection, path);

        Assert.Equal((SourceCompression.None, SourceCompression.Zstd), (schema.Source.Compression, schema.Source.OriginalCompression));
        Assert.Equal("utf-16be", schema.Source.OriginalEncodingName);
        await AssertLikeUtf8Async(schema);
    }

    [Fact]
    public async Task A_corrupt_zstd_file_is_refused_naming_zstd_and_leaves_no_copy()
    {
        var path = Path.Combine(_files.Folder, "cities.csv.zst");
        await using (var zstd = new ZstdSharp.CompressionStream(File.Create(path), leaveOpen: false))
        {
            await zstd.WriteAsync(Bytes(Cities + Cities + Cities, bigEndian: true, bom: false));
        }
        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = 12; i < bytes.Length - 4; i++)
        {
            bytes[i] ^= 0x5A;
        }
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Contains("'cities.csv.zst' is not a readable zstd file", error.Message);
        Assert.DoesNotContain(_files.Folder, error.Message);
        Assert.False(File.Exists(Path.Combine(_files.Folder, ".utf-8", "cities.csv")), "A failed copy was left behind.");
    }

    [Fact]
    public void The_zero_byte_heuristic_ignores_utf8_latin1_binary_and_short_text()
    {
        Assert.Null(Utf16Probe.Detect(Encoding.UTF8.GetBytes(Cities)));
        Assert.Null(Utf16Probe.Detect(Encoding.Latin1.GetBytes("name;city\nJosé;São Paulo\nFrançois;Besançon\n")));
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        Array.Clear(binary, 0, 1024);
        Assert.Null(Utf16Probe.Detect(binary));
        Assert.Null(Utf16Probe.Detect(Bytes("a;b\n1;2\n", bigEndian: false, bom: false)));
        Assert.Equal(Utf16Text.LittleEndian, Utf16Probe.Detect(Bytes(Cities, bigEndian: false, bom: false)));
        Assert.Equal(Utf16Text.BigEndian, Utf16Probe.Detect(Bytes(Cities, bigEndian: true, bom: false)));
    }

    private async Task AssertLikeUtf8Async(ProposedSchema schema)
    {
        var utf8 = await SchemaProposer.ProposeFileAsync(_db.Connection, _files.Write("utf8.csv", Cities));
        Assert.Equal(utf8.Columns.Select(c => (c.Name, c.DuckDbType)), schema.Columns.Select(c => (c.Name, c.DuckDbType)));
        Assert.NotEqual("VARCHAR", schema.Columns[0].DuckDbType);
        Assert.Equal(4L, _db.Scalar($"SELECT count(*) FROM {schema.Source.RawRelationSql()}"));
        Assert.Equal("東京", _db.Scalar($"SELECT city FROM {schema.Source.RawRelationSql()} WHERE id = '2'"));
        Assert.Equal("Zürich", _db.Scalar($"SELECT city FROM {schema.Source.RawRelationSql()} WHERE id = '1'"));
    }

    private static byte[] Bytes(string text, bool bigEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
