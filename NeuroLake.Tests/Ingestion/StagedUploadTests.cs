using System.Security.Cryptography;
using NeuroLake.Engine.Ingestion;

namespace NeuroLake.Tests.Ingestion;

public sealed class StagedUploadTests : IDisposable
{
    private readonly IngestionTestFiles _files = new();

    [Fact]
    public async Task An_upload_is_copied_hashed_and_reported_as_it_streams()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var progress = new IngestionProgress();
        var reports = new List<long>();
        progress.Changed += p => reports.Add(p.BytesProcessed);
        var destination = Path.Combine(_files.Folder, "copy.bin");

        var info = await StagedUpload.CopyAsync(new MemoryStream(bytes), destination, "orders.csv", bytes.Length, progress);

        Assert.Equal(new SourceFileInfo("orders.csv", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), info);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(destination));
        Assert.Equal((IngestionPhase.Upload, bytes.Length, 100.0), (progress.Phase, progress.BytesProcessed, progress.Percent));
        Assert.True(reports.Count >= 4, $"Only {reports.Count} progress reports for a 3 MB upload.");
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(info, await SourceFileInfo.ComputeAsync(destination, "orders.csv"));
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_no_partial_file()
    {
        using var cts = new CancellationTokenSource();
        var progress = new IngestionProgress();
        progress.Changed += p =>
        {
            if (p.BytesProcessed > 0)
            {
                cts.Cancel();
            }
        };
        var destination = Path.Combine(_files.Folder, "partial.bin");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            StagedUpload.CopyAsync(new MemoryStream(new byte[4 * 1024 * 1024]), destination, "big.bin", null, progress, cts.Token));

        Assert.False(File.Exists(destination));
        Assert.Null(progress.Percent);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("my sales (2024).csv", "my_sales__2024_.csv")]
    [InlineData(".hidden.csv", "hidden.csv")]
    [InlineData("données.csv", "donn_es.csv")]
    [InlineData("../", "upload")]
    [InlineData(null, "upload")]
    public void Uploaded_names_cannot_leave_the_staging_folder_or_carry_odd_characters(string? name, string expected) =>
        Assert.Equal(expected, StagingFileName.Sanitize(name));

    public void Dispose() => _files.Dispose();
}
