using NeuroLake.Tests.Infrastructure;
using NeuroLake.Tests.Storage;

namespace NeuroLake.Tests.Web;

/// <summary>The whole app with its warehouse on the S3 test server (<c>NeuroLake:Warehouse=s3://...</c>), commits coordinated by the catalog.</summary>
internal static class S3WarehouseApp
{
    /// <param name="warehouse">The warehouse location (default: the test storage's own prefix).</param>
    /// <param name="settings">More settings (added to, or replacing, these).</param>
    public static WorkbenchAppFactory Create(S3TestStorage s3, string? warehouse = null, IReadOnlyDictionary<string, string>? settings = null) => new(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
    {
        ["NeuroLake:Warehouse"] = warehouse ?? s3.Root.ToString(),
        ["NeuroLake:Storage:S3:ServiceUrl"] = TestEnvironment.S3ServiceUrl.ToString(),
        ["NeuroLake:Storage:S3:AccessKey"] = TestEnvironment.S3AccessKey,
        ["NeuroLake:Storage:S3:SecretKey"] = TestEnvironment.S3SecretKey,
        ["NeuroLake:Storage:S3:ForcePathStyle"] = "true",
        ["NeuroLake:Storage:S3:MaxAttempts"] = "1",
        ["NeuroLake:Storage:Commits"] = "Coordinator",
        ["NeuroLake:Storage:Cache:CapacityGb"] = "0.01",
    });
}
