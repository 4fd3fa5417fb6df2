using NeuroLake.Engine.Ingestion;
using NeuroLake.Engine.Ingestion.Detection;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion.Arrow;

public sealed class ArrowDetectionTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();
    private readonly IngestionTestFiles _files = new();

    [Theory]
    [InlineData("events.arrow", false, false)]
    [InlineData("events.feather", false, true)]
    [InlineData("events.arrows", true, false)]
    [InlineData("events.ipc", true, true)]
    public async Task Arrow_files_and_streams_are_read_batch_by_batch_through_a_parquet_copy(string name, bool stream, bool zstd)
    {
        var path = Path.Combine(_files.Folder, name);
        await ArrowTestFiles.WriteAsync(path, batches: 5, stream, zstd);

        var source = await SourceDetector.DetectAsync(_db.Connection, path);

        Assert.Equal(stream ? ArrowLayout.IpcStream : ArrowLayout.IpcFile, source.ArrowOriginal);
        Assert.Equal((SourceFormat.Parquet, "arrow"), (source.Format, source.OriginalFormatName));
        Assert.Equal(
            [("id", "BIGINT"), ("city", "VARCHAR"), ("amount", "DOUBLE"), ("active", "BOOLEAN"), ("seen_at", "TIMESTAMP WITH TIME ZONE")],
            source.Columns.Select(c => (c.Name, c.DuckDbType)));
        var rows = $"FROM {source.RawRelationSql()}";
        Assert.Equal(5_000L, _db.Scalar($"SELECT count(*) {rows}"));
        Assert.Equal(500L, _db.Scalar($"SELECT count(*) - count(city) {rows}"));
        Assert.Equal(4_999L * 5_000 / 2, _db.Scalar($"SELECT sum(id)::BIGINT {rows}"));
        Assert.Equal("city-4", _db.Scalar($"SELECT city {rows} WHERE id = 4001"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(4_321).UtcDateTime,
            ((DateTimeOffset)_db.Scalar($"SELECT seen_at {rows} WHERE id = 4321")!).UtcDateTime);

        source.DeleteTranscodedCopy();
        Assert.False(Directory.Exists(Path.Combine(_files.Folder, ArrowParquetCopy.CopyFolder)), "The Parquet copy or its folder was left behind.");
        Assert.True(File.Exists(path), "The upload belongs to its owner.");
    }

    [Fact]
    public async Task A_truncated_arrow_file_is_refused_by_name_without_a_path_and_leaves_no_copy()
    {
        var whole = Path.Combine(_files.Folder, "whole.arrow");
        await ArrowTestFiles.WriteAsync(whole, batches: 3);
        var bytes = await File.ReadAllBytesAsync(whole);
        var path = _files.WriteBytes("cut.arrow", bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.StartsWith("'cut.arrow' is an Apache Arrow IPC file (Feather v2) that could not be read", error.Message);
        Assert.Contains("upload the complete file", error.Message);
        Assert.DoesNotContain(_files.Folder, error.Message);
        Assert.Empty(Directory.EnumerateFiles(_files.Folder, "*.parquet", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Damaged_bytes_anywhere_in_an_arrow_upload_are_loaded_or_refused_never_crash_the_process(bool stream)
    {
        var whole = Path.Combine(_files.Folder, stream ? "whole.arrows" : "whole.arrow");
        await ArrowTestFiles.WriteAsync(whole, batches: 2, stream);
        var bytes = await File.ReadAllBytesAsync(whole);
        var random = new Random(20261206);
        var refused = 0;

        for (var attempt = 0; attempt < 40; attempt++)
        {
            var damaged = (byte[])bytes.Clone();
            var at = random.Next(8, damaged.Length - 8);
            for (var k = 0; k < 8; k++)
            {
                damaged[at + k] = (byte)random.Next(256);
            }
            var path = _files.WriteBytes($"damaged-{attempt}{Path.GetExtension(whole)}", damaged);
            try
            {
                var source = await SourceDetector.DetectAsync(_db.Connection, path);
                _ = _db.Scalar($"SELECT count(*) FROM {source.RawRelationSql()}");
                source.DeleteTranscodedCopy();
            }
            catch (IngestionException e)
            {
                refused++;
                Assert.DoesNotContain(_files.Folder, e.Message);
            }
        }

        Assert.True(refused > 0, "No damaged file was refused: the damage did not reach the reader.");
        Assert.Equal(1L, _db.Scalar("SELECT 1::BIGINT"));
    }

    [Fact]
    public async Task Feather_v1_is_refused_naming_the_format_and_the_conversion()
    {
        var path = _files.WriteBytes("old.feather", [(byte)'F', (byte)'E', (byte)'A', (byte)'1', .. new byte[200]]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.Contains("a Feather v1 file", error.Message);
        Assert.Contains("convert it to Parquet or Arrow IPC", error.Message);
        Assert.Contains(SourceDetector.SupportedFormats, error.Message);
    }

    [Theory]
    [InlineData("export.zip", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0 }, "'export.zip' is a ZIP archive: unzip it")]
    public async Task Archives_are_refused_by_name_with_what_to_upload_instead(string name, byte[] head, string expected)
    {
        var path = _files.WriteBytes(name, [.. head, .. new byte[300]]);

        var error = await Assert.ThrowsAsync<IngestionException>(() => SourceDetector.DetectAsync(_db.Connection, path));

        Assert.StartsWith(expected, error.Message);
        Assert.Contains(SourceDetector.SupportedFormats, error.Message);
    }

    public void Dispose()
    {
        _db.Dispose();
        _files.Dispose();
    }
}
