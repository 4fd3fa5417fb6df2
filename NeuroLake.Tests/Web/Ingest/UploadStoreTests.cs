using System.Text;
using NeuroLake.Tests.Tables;
using NeuroLake.Web.Uploads;

namespace NeuroLake.Tests.Web.Ingest;

public sealed class UploadStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FixedClock _clock = new(Start);

    private UploadStore Store() => new(_folder.Path, _clock, TimeSpan.FromDays(7));

    private static Task<SavedUpload> SaveAsync(UploadStore store, string owner, string name, string text) =>
        store.SaveAsync(owner, name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    [Fact]
    public async Task An_upload_belongs_to_its_owner_who_alone_lists_finds_and_removes_it()
    {
        var store = Store();
        var ann = (await SaveAsync(store, "ann", "orders.csv", "id\n1\n")).Upload;

        Assert.Equal(("ann", "orders.csv"), (ann.Owner, ann.FileName));
        Assert.Equal([ann.Id], store.ListFor("ann").Select(u => u.Id));
        Assert.Empty(store.ListFor("bob"));
        Assert.Null(store.FindFor("bob", ann.Id));
        Assert.False(store.DeleteFor("bob", ann.Id));
        Assert.NotNull(store.Find(ann.Id));
        Assert.True(store.DeleteFor("ann", ann.Id));
        Assert.Null(store.Find(ann.Id));
    }

    [Fact]
    public async Task The_same_bytes_uploaded_again_by_the_same_user_answer_the_first_upload_and_keep_one_copy()
    {
        var store = Store();
        var first = await SaveAsync(store, "ann", "orders.csv", "id\n1\n");
        var again = await SaveAsync(store, "ann", "orders (copy).csv", "id\n1\n");
        var other = await SaveAsync(store, "ann", "orders.csv", "id\n2\n");
        var bobs = await SaveAsync(store, "bob", "orders.csv", "id\n1\n");

        Assert.False(first.AlreadyStaged);
        Assert.True(again.AlreadyStaged);
        Assert.Equal(first.Upload.Id, again.Upload.Id);
        Assert.False(other.AlreadyStaged);
        Assert.False(bobs.AlreadyStaged);
        Assert.Equal(first.Upload.Sha256, bobs.Upload.Sha256);
        Assert.Equal(2, store.ListFor("ann").Count);
        Assert.Equal(3, Directory.GetDirectories(_folder.Path).Length);
    }

    [Fact]
    public async Task Uploads_expire_after_the_configured_time_are_hidden_at_once_and_removed_by_the_sweep()
    {
        var store = Store();
        var old = (await SaveAsync(store, "ann", "old.csv", "a\n1\n")).Upload;
        _clock.Now = Start.AddDays(3);
        var fresh = (await SaveAsync(store, "ann", "fresh.csv", "a\n2\n")).Upload;

        Assert.Equal(Start.AddDays(7), old.ExpiresAt);
        _clock.Now = Start.AddDays(7).AddMinutes(1);
        Assert.Equal([fresh.Id], store.ListFor("ann").Select(u => u.Id));
        Assert.Null(store.FindFor("ann", old.Id));
        Assert.Equal(1, store.DeleteExpired().Count);
        Assert.Null(store.Find(old.Id));
        Assert.NotNull(store.Find(fresh.Id));
    }

    [Fact]
    public async Task A_failed_upload_leaves_nothing_behind()
    {
        var store = Store();

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync("ann", "broken.csv", new FailingStream(), CancellationToken.None));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("not-an-id")]
    public void Ids_that_are_not_upload_ids_find_nothing(string id) => Assert.Null(Store().Find(id));

    public void Dispose() => _folder.Dispose();

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
