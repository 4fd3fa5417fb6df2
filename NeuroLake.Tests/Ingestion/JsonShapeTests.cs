using System.Globalization;
using System.IO.Compression;
using System.Text;
using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class JsonShapeTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    /// <summary>A pretty-printed GeoJSON FeatureCollection, as USGS and most GIS tools write it.</summary>
    internal static string FeatureCollection(int features)
    {
        var text = new StringBuilder("{\n  \"type\": \"FeatureCollection\",\n  \"metadata\": {\"generated\": 1700000000, \"count\": ")
            .Append(features).Append("},\n  \"features\": [\n");
        for (var i = 0; i < features; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                    {
                      "type": "Feature",
                      "id": "us{{i}}",
                      "properties": {"mag": {{(i % 70) / 10.0}}, "place": "{{i}} km N of Ridgecrest, CA", "tsunami": {{i % 2}}},
                      "geometry": {"type": "Point", "coordinates": [{{-117.5 + i / 10000.0}}, 35.6, 8.2]}
                    }
                """);
            text.Append(i + 1 < features ? ",\n" : "\n");
        }
        return text.Append("  ],\n  \"bbox\": [-180, -90, 180, 90]\n}\n").ToString();
    }

    private long Count(DetectedSource source) => (long)_db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}")!;

    private Task<DetectedSource> DetectAsync(string path, JsonNesting nesting = JsonNesting.Struct) =>
        SourceDetector.DetectAsync(_db.Connection, path, progress: null, encoding: null, nesting);

    [Fact]
    public async Task A_GeoJSON_feature_collection_loads_one_row_per_feature_from_its_features_member()
    {
        var source = await DetectAsync(_files.Write("quakes.geojson", FeatureCollection(1_707)));

        Assert.Equal((JsonShape.MemberArray, "features", "$.features[*]"), (source.Json!.Shape, source.Json.RecordPath, source.Json.PathText));
        Assert.Equal(1_707L, Count(source));
        Assert.Equal(["type", "id", "properties", "geometry"], source.Columns.Select(c => c.Name));
        Assert.StartsWith("STRUCT(", source.Columns.Single(c => c.Name == "properties").DuckDbType);
        Assert.Equal(6.9, _db.Scalar($"SELECT max(properties.mag) FROM {source.RawRelationSql()}"));
    }

    [Fact]
    public async Task Flattening_turns_nested_objects_into_columns_named_by_their_path_and_keeps_arrays_as_lists()
    {
        var source = await DetectAsync(_files.Write("quakes.geojson", FeatureCollection(50)), JsonNesting.Flatten);

        Assert.Equal(JsonNesting.Flatten, source.Json!.Nesting);
        Assert.Equal(["type", "id", "properties_mag", "properties_place", "properties_tsunami", "geometry_type", "geometry_coordinates"], source.Columns.Select(c => c.Name));
        Assert.Equal("DOUBLE[]", source.Columns.Single(c => c.Name == "geometry_coordinates").DuckDbType);
        Assert.Equal("3 km N of Ridgecrest, CA", _db.Scalar($"SELECT properties_place FROM {source.RawRelationSql()} WHERE id = 'us3'"));
        Assert.Equal(50L, Count(source));
    }

    [Fact]
    public async Task An_API_response_is_read_from_its_data_member_and_other_members_are_skipped()
    {
        var path = _files.Write("response.json", """
            {"meta": {"page": 1, "links": [{"rel": "next"}]}, "count": 3,
             "data": [{"id": 1, "name": "ada"}, {"id": 2, "name": "bob"}, {"id": 3, "name": "cy"}],
             "errors": []}
            """);

        var source = await DetectAsync(path);

        Assert.Equal((JsonShape.MemberArray, "data"), (source.Json!.Shape, source.Json.RecordPath));
        Assert.Equal(["id", "name"], source.Columns.Select(c => c.Name));
        Assert.Equal(3L, Count(source));
    }

    [Fact]
    public async Task An_object_keyed_by_id_becomes_one_row_per_member_with_the_key_as_a_column()
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < 5_033; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}\n\"{i:D5}\": {{\"city\": \"Town {i}\", \"lat\": {40 + i / 10000.0}}}");
        }
        var source = await DetectAsync(_files.Write("postcodes.json", text.Append("\n}").ToString()));

        Assert.Equal((JsonShape.KeyedObject, "key"), (source.Json!.Shape, source.Json.KeyColumn));
        Assert.Equal(["key", "city", "lat"], source.Columns.Select(c => c.Name));
        Assert.Equal(5_033L, Count(source));
        // Keys stay text: leading zeros are part of an id.
        Assert.Equal("Town 7", _db.Scalar($"SELECT city FROM {source.RawRelationSql()} WHERE key = '00007'"));
    }

    [Fact]
    public async Task A_keyed_object_whose_records_have_a_key_field_gets_another_name_for_the_key_column()
    {
        var source = await DetectAsync(_files.Write("keys.json", """{"a": {"key": "x", "n": 1}, "b": {"key": "y", "n": 2}}"""));

        Assert.Equal("record_key", source.Json!.KeyColumn);
        Assert.Equal(["record_key", "key", "n"], source.Columns.Select(c => c.Name));
        Assert.Equal("y", _db.Scalar($"SELECT key FROM {source.RawRelationSql()} WHERE record_key = 'b'"));
    }

    [Fact]
    public async Task Newline_delimited_records_are_read_straight_from_the_file()
    {
        var source = await DetectAsync(_files.Write("events.ndjson", "{\"id\": 1, \"tags\": {\"a\": 1}}\n{\"id\": 2, \"tags\": {\"a\": 2}}\n{\"id\": 3, \"tags\": {\"a\": 3}}\n"));

        Assert.Equal(JsonShape.Lines, source.Json!.Shape);
        Assert.Null(source.RecordsCopyOf);
        Assert.Equal(3L, Count(source));
    }

    [Fact]
    public async Task A_single_object_with_scalar_members_stays_one_record()
    {
        var source = await DetectAsync(_files.Write("one.json", """{"id": 1, "name": "only", "address": {"city": "Oslo"}}"""));

        Assert.Equal(JsonShape.Lines, source.Json!.Shape);
        Assert.Equal(1L, Count(source));
    }

    [Fact]
    public async Task A_top_level_array_keeps_structs_or_flattens_them_on_request()
    {
        var weather = IngestionTestFiles.Messy("weekly-weather.json");

        var asStructs = await DetectAsync(weather);
        var flat = await DetectAsync(Copy(weather), JsonNesting.Flatten);

        Assert.Equal((JsonShape.Array, "$[*]"), (asStructs.Json!.Shape, asStructs.Json.PathText));
        Assert.Null(asStructs.RecordsCopyOf);
        Assert.Contains(asStructs.Columns, c => c.Name == "record" && c.DuckDbType.StartsWith("STRUCT(", StringComparison.Ordinal));
        Assert.Equal(10L, Count(flat));
        Assert.Contains("record_high", flat.Columns.Select(c => c.Name));
        Assert.Contains("forecast_high_low", flat.Columns.Select(c => c.Name));
        Assert.DoesNotContain("record", flat.Columns.Select(c => c.Name));
        Assert.Equal(62L, _db.Scalar($"SELECT record_high FROM {flat.RawRelationSql()} WHERE id = 0"));
    }

    /// <summary>The shared data folder is read-only, and the records copy is written beside the file.</summary>
    private string Copy(string path)
    {
        var copy = Path.Combine(_files.Folder, Path.GetFileName(path));
        File.Copy(path, copy);
        return copy;
    }

    [Fact]
    public async Task A_gzip_compressed_feature_collection_is_streamed_through_the_decompressor()
    {
        var path = Path.Combine(_files.Folder, "quakes.geojson.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(FeatureCollection(300)));
        }

        var source = await DetectAsync(path);

        Assert.Equal(SourceCompression.Gzip, source.OriginalCompression);
        Assert.Equal(300L, Count(source));
    }

    [Fact]
    public async Task A_zstd_compressed_feature_collection_is_streamed_through_the_decompressor()
    {
        var path = Path.Combine(_files.Folder, "quakes.geojson.zst");
        await using (var zstd = new ZstdSharp.CompressionStream(File.Create(path), leaveOpen: false))
        {
            await zstd.WriteAsync(Encoding.UTF8.GetBytes(FeatureCollection(300)));
        }

        var source = await DetectAsync(path);

        Assert.Equal(SourceCompression.Zstd, source.OriginalCompression);
        Assert.Equal(300L, Count(source));
    }

    [Fact]
    public async Task A_feature_collection_larger_than_DuckDBs_largest_object_loads_every_feature()
    {
        var path = Path.Combine(_files.Folder, "big.geojson");
        const int features = 90_000;
        await File.WriteAllTextAsync(path, FeatureCollection(features));
        Assert.True(new FileInfo(path).Length > CsvDialect.MaxLineBytes, "the file must exceed read_json's maximum_object_size");

        var source = await DetectAsync(path);

        Assert.Equal((long)features, Count(source));
    }

    [Fact]
    public async Task A_truncated_feature_collection_is_refused_with_the_fix()
    {
        var whole = FeatureCollection(20);
        var path = _files.Write("cut.geojson", whole[..(whole.Length / 2)]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => DetectAsync(path));

        Assert.StartsWith("'cut.geojson' is not valid JSON after record", error.Message, StringComparison.Ordinal);
        Assert.Contains("fix the file and upload it again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_copies_removes_the_records_copy_and_keeps_the_upload()
    {
        var path = _files.Write("quakes.geojson", FeatureCollection(10));
        var source = await DetectAsync(path);
        Assert.Equal(path, source.RecordsCopyOf);
        Assert.True(File.Exists(source.Path));

        source.DeleteTranscodedCopy();

        Assert.False(File.Exists(source.Path));
        Assert.False(Directory.Exists(Path.Combine(_files.Folder, JsonRecordExtractor.CopyFolder)));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_UTF16_feature_collection_is_transcoded_then_its_records_extracted()
    {
        var path = _files.Write("quakes16.geojson", FeatureCollection(40), new UnicodeEncoding(bigEndian: true, byteOrderMark: true));

        var source = await DetectAsync(path);

        Assert.Equal(40L, Count(source));
        Assert.NotNull(source.Transcoded);
        source.DeleteTranscodedCopy();
        Assert.False(File.Exists(source.Path));
        Assert.False(File.Exists(source.RecordsCopyOf));
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
