using NeuroLake.Tests.Tables;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class UploadStoreTests
{
    [Fact]
    public async Task Uploads_older_than_the_age_are_removed_and_newer_ones_kept()
    {
        using var folder = new TempFolder();
        var store = new UploadStore(folder.Path, TimeProvider.System);
        var old = await store.SaveAsync("old.csv", new MemoryStream([1]), CancellationToken.None);
        var fresh = await store.SaveAsync("fresh.csv", new MemoryStream([2]), CancellationToken.None);
        File.SetLastWriteTimeUtc(old.Path, DateTime.UtcNow.AddDays(-2));

        var removed = store.DeleteOlderThan(TimeSpan.FromDays(1));

        Assert.Equal(1, removed);
        Assert.Null(store.Find(old.Id));
        Assert.Equal([fresh.Id], store.List().Select(u => u.Id));
    }

    [Fact]
    public async Task A_failed_upload_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        var store = new UploadStore(folder.Path, TimeProvider.System);

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync("broken.csv", new FailingStream(), CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("not-an-id")]
    public void Ids_that_are_not_upload_ids_find_nothing(string id)
    {
        using var folder = new TempFolder();

        Assert.Null(new UploadStore(folder.Path, TimeProvider.System).Find(id));
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("The connection was reset.");
    }
}
