using NeuroLake.Engine.Storage;
using NeuroLake.Tests.Infrastructure;

namespace NeuroLake.Tests.Storage;

/// <summary>
/// The object store contract on the S3 test server, through the store the app opens for an <c>s3://</c> location
/// (on s3rver, which ignores conditional create, that is the S3 store behind the catalog's commit coordinator).
/// </summary>
public sealed class S3ObjectStoreContractTests : IAsyncLifetime
{
    private S3TestStorage? _storage;
    private IObjectStore? _store;

    private IObjectStore Store => _store ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        if (TestEnvironment.Missing(TestEnvironment.S3Variable, TestEnvironment.S3BucketVariable).Count > 0 && !TestEnvironment.IsCi)
        {
            return; // every fact here skips without the server
        }

        _storage = new S3TestStorage();
        _store = await _storage.OpenAsync("contract");
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    [S3Fact]
    public Task Put_then_get_returns_the_same_bytes() => ObjectStoreContract.Put_then_get_returns_the_same_bytes(Store);

    [S3Fact]
    public Task Put_replaces_an_existing_object() => ObjectStoreContract.Put_replaces_an_existing_object(Store);

    [S3Fact]
    public Task Get_range_returns_the_slice_and_stops_at_the_end() => ObjectStoreContract.Get_range_returns_the_slice_and_stops_at_the_end(Store);

    [S3Fact]
    public Task A_missing_key_is_not_found_everywhere() => ObjectStoreContract.A_missing_key_is_not_found_everywhere(Store);

    [S3Fact]
    public Task Put_if_absent_refuses_to_replace_an_existing_object() => ObjectStoreContract.Put_if_absent_refuses_to_replace_an_existing_object(Store);

    [S3Fact]
    public Task Put_if_absent_has_exactly_one_winner_among_concurrent_writers() => ObjectStoreContract.Put_if_absent_has_exactly_one_winner_among_concurrent_writers(Store);

    [S3Fact]
    public Task List_orders_keys_with_sizes_and_honours_prefix_and_start_after() => ObjectStoreContract.List_orders_keys_with_sizes_and_honours_prefix_and_start_after(Store);

    [S3Fact]
    public Task Info_reports_size_and_time() => ObjectStoreContract.Info_reports_size_and_time(Store);

    [S3Fact]
    public Task Delete_removes_the_object_and_ignores_missing_keys() => ObjectStoreContract.Delete_removes_the_object_and_ignores_missing_keys(Store);

    [S3Fact]
    public Task Keys_cannot_escape_the_root() => ObjectStoreContract.Keys_cannot_escape_the_root(Store);
}
