using NeuroLake.Engine.Configuration;
using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Storage.S3;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Storage;

/// <summary>What the S3 store does beyond the common contract, on the S3 test server.</summary>
public sealed class S3ObjectStoreTests
{
    [S3Fact]
    public async Task The_probe_finds_that_s3rver_ignores_conditional_create_and_leaves_nothing_behind()
    {
        await using var storage = new S3TestStorage();
        var raw = storage.RawStore("probe");

        Assert.False(await ConditionalCreateProbe.ProbeAsync(raw, CancellationToken.None));

        Assert.Empty(await raw.ListAsync(""));
    }

    [S3Fact]
    public async Task Without_coordination_s3rver_lets_a_second_create_overwrite_the_first()
    {
        // Why the coordinator exists: the conditional PUT alone does not protect a commit on this server.
        await using var storage = new S3TestStorage();
        var raw = storage.RawStore("unprotected");

        Assert.True(await raw.PutIfAbsentAsync("_delta_log/00000000000000000001.json", "first"u8.ToArray()));
        Assert.True(await raw.PutIfAbsentAsync("_delta_log/00000000000000000001.json", "second"u8.ToArray()));

        Assert.Equal("second"u8.ToArray(), await raw.GetAsync("_delta_log/00000000000000000001.json"));
    }

    [S3Fact]
    public async Task The_probe_answer_is_kept_per_endpoint_and_bucket_so_each_is_probed_once()
    {
        await using var storage = new S3TestStorage();
        var probe = new ConditionalCreateProbe();
        var sent = RecordRequests(storage);

        Assert.False(await probe.HonoursConditionalCreateAsync("http://s3.test", storage.RawStore("a")));
        var afterFirst = sent.Count(r => r == "PutObjectRequest");
        Assert.False(await probe.HonoursConditionalCreateAsync("http://s3.test", storage.RawStore("b")));

        Assert.Equal(2, afterFirst);
        Assert.Equal(2, sent.Count(r => r == "PutObjectRequest"));
        // Another endpoint name is another store: probed again.
        Assert.False(await probe.HonoursConditionalCreateAsync("http://other.test", storage.RawStore("c")));
        Assert.Equal(4, sent.Count(r => r == "PutObjectRequest"));
    }

    [S3Fact]
    public async Task Commit_coordination_follows_the_configuration_and_auto_picks_the_coordinator_on_s3rver()
    {
        await using var storage = new S3TestStorage();

        Assert.IsType<CoordinatedObjectStore>(await storage.OpenAsync("a", CommitCoordination.Auto));
        Assert.IsType<CoordinatedObjectStore>(await storage.OpenAsync("b", CommitCoordination.Coordinator));
        Assert.IsType<S3ObjectStore>(await storage.OpenAsync("c", CommitCoordination.ConditionalCreate));
        var local = await (await storage.FactoryAsync()).OpenAsync(Path.GetTempPath());
        Assert.IsType<LocalObjectStore>(local);
    }

    [S3Fact]
    public async Task A_stream_larger_than_a_part_is_uploaded_in_parts_and_reads_back_byte_for_byte()
    {
        await using var storage = new S3TestStorage(partSizeBytes: S3ObjectStore.MinPartSize);
        var store = storage.RawStore("multipart");
        var length = 2L * S3ObjectStore.MinPartSize + 777_777;

        var sent = RecordRequests(storage);

        await ObjectStoreContract.Put_from_a_stream_stores_every_byte(store, length);

        // Observed on the real client: three parts of at most 5 MiB, never a single PUT of the whole object.
        Assert.Equal(
            ["InitiateMultipartUploadRequest", "UploadPartRequest", "UploadPartRequest", "UploadPartRequest", "CompleteMultipartUploadRequest"],
            sent.Where(r => r is not ("GetObjectRequest" or "GetObjectMetadataRequest")));
    }

    [S3Fact]
    public async Task A_stream_that_fails_midway_leaves_no_object_and_aborts_its_upload()
    {
        await using var storage = new S3TestStorage(partSizeBytes: S3ObjectStore.MinPartSize);
        var store = storage.RawStore("failing");
        await using var source = new FailingStream(new PatternStream(3L * S3ObjectStore.MinPartSize), failAfter: 2L * S3ObjectStore.MinPartSize + 10);
        var sent = RecordRequests(storage);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("data/part-0.parquet", source));

        Assert.Null(await store.GetInfoAsync("data/part-0.parquet"));
        Assert.Equal(["InitiateMultipartUploadRequest", "UploadPartRequest", "UploadPartRequest", "AbortMultipartUploadRequest"], sent.Where(r => r != "GetObjectMetadataRequest"));
    }

    [S3Fact]
    public async Task Stores_under_sibling_prefixes_do_not_see_each_others_objects()
    {
        await using var storage = new S3TestStorage();
        var t1 = storage.RawStore("tables/t1");
        var t10 = storage.RawStore("tables/t10");
        await t1.PutAsync("_delta_log/00000000000000000000.json", "1"u8.ToArray());
        await t10.PutAsync("_delta_log/00000000000000000000.json", "10"u8.ToArray());

        Assert.Equal(["_delta_log/00000000000000000000.json"], (await t1.ListAsync("")).Select(o => o.Key));
        Assert.Equal("1"u8.ToArray(), await t1.GetAsync("_delta_log/00000000000000000000.json"));
        Assert.Equal($"s3://{storage.Root.Bucket}/{storage.Root.Prefix}/tables/t1", t1.Location);
        Assert.Null(t1.GetLocalPath("_delta_log/00000000000000000000.json"));
    }

    [S3Fact]
    public async Task Listing_pages_through_more_keys_than_one_response_holds()
    {
        await using var storage = new S3TestStorage();
        var store = storage.RawStore("many");
        // S3 answers at most 1,000 keys per list call.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_005), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await store.PutAsync($"_delta_log/{i:D20}.json", new byte[1], ct));

        var all = await store.ListAsync("_delta_log/");
        var after = await store.ListAsync("_delta_log/", startAfter: $"_delta_log/{999:D20}.json");

        Assert.Equal(Enumerable.Range(0, 1_005).Select(i => $"_delta_log/{i:D20}.json"), all.Select(o => o.Key));
        Assert.Equal(Enumerable.Range(1_000, 5).Select(i => $"_delta_log/{i:D20}.json"), after.Select(o => o.Key));
        Assert.All(all, o => Assert.False(string.IsNullOrEmpty(o.ETag)));
    }

    [S3Fact]
    public async Task After_an_uncertain_create_the_object_counts_as_ours_only_if_it_holds_our_bytes()
    {
        await using var storage = new S3TestStorage();
        var store = storage.RawStore("uncertain");
        await store.PutAsync("_delta_log/00000000000000000003.json", "commit A"u8.ToArray());

        Assert.True(await store.HoldsAsync("_delta_log/00000000000000000003.json", "commit A"u8.ToArray(), CancellationToken.None));
        Assert.False(await store.HoldsAsync("_delta_log/00000000000000000003.json", "commit B"u8.ToArray(), CancellationToken.None));
        Assert.Null(await store.HoldsAsync("_delta_log/00000000000000000004.json", "commit A"u8.ToArray(), CancellationToken.None));
    }

    /// <summary>The requests the storage's client sends from now on, by type name, in order.</summary>
    private static List<string> RecordRequests(S3TestStorage storage)
    {
        var sent = new List<string>();
        storage.Client.BeforeRequestEvent += (_, e) =>
        {
            lock (sent)
            {
                sent.Add(((Amazon.Runtime.WebServiceRequestEventArgs)e).Request.GetType().Name);
            }
        };
        return sent;
    }

    /// <summary>Passes bytes through, then fails the way a broken source (a dropped upload, a full disk) does.</summary>
    private sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("the source broke");
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, failAfter - _read));
            _read += n;
            return n;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
