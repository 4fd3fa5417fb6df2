using NeuroLake.Engine.Storage;
using NeuroLake.Tests.Tables;

namespace NeuroLake.Tests.Storage;

/// <summary>The object store contract on a local folder (the same checks <see cref="S3ObjectStoreContractTests"/> runs on S3).</summary>
public sealed class LocalObjectStoreContractTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalObjectStore _store;

    public LocalObjectStoreContractTests() => _store = new LocalObjectStore(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public Task Put_then_get_returns_the_same_bytes() => ObjectStoreContract.Put_then_get_returns_the_same_bytes(_store);

    [Fact]
    public Task Put_replaces_an_existing_object() => ObjectStoreContract.Put_replaces_an_existing_object(_store);

    [Fact]
    public Task Get_range_returns_the_slice_and_stops_at_the_end() => ObjectStoreContract.Get_range_returns_the_slice_and_stops_at_the_end(_store);

    [Fact]
    public Task A_missing_key_is_not_found_everywhere() => ObjectStoreContract.A_missing_key_is_not_found_everywhere(_store);

    [Fact]
    public Task Put_if_absent_refuses_to_replace_an_existing_object() => ObjectStoreContract.Put_if_absent_refuses_to_replace_an_existing_object(_store);

    [Fact]
    public Task Put_if_absent_has_exactly_one_winner_among_concurrent_writers() => ObjectStoreContract.Put_if_absent_has_exactly_one_winner_among_concurrent_writers(_store);

    [Fact]
    public Task List_orders_keys_with_sizes_and_honours_prefix_and_start_after() => ObjectStoreContract.List_orders_keys_with_sizes_and_honours_prefix_and_start_after(_store);

    [Fact]
    public Task Info_reports_size_and_time() => ObjectStoreContract.Info_reports_size_and_time(_store);

    [Fact]
    public Task Delete_removes_the_object_and_ignores_missing_keys() => ObjectStoreContract.Delete_removes_the_object_and_ignores_missing_keys(_store);

    [Fact]
    public Task Keys_cannot_escape_the_root() => ObjectStoreContract.Keys_cannot_escape_the_root(_store);

    [Fact]
    public Task Put_from_a_stream_of_twelve_mebibytes_stores_every_byte() => ObjectStoreContract.Put_from_a_stream_stores_every_byte(_store, 12L * 1024 * 1024 + 12345);

    [Fact]
    public async Task The_probe_finds_that_a_local_folder_honours_conditional_create_and_leaves_nothing_behind()
    {
        Assert.True(await NeuroLake.Engine.Storage.S3.ConditionalCreateProbe.ProbeAsync(_store, CancellationToken.None));
        Assert.Empty(await _store.ListAsync(""));
    }
}
