namespace NeuroLake.Tests.Infrastructure;

/// <summary>
/// The servers and browser that scripts/test.sh starts, as environment variables.
/// A test that needs one reads it here, so a missing variable fails with a message naming the fix.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Npgsql connection string of a throwaway PostgreSQL 15 whose user may create tables.</summary>
    public const string PostgresVariable = "NEUROLAKE_TEST_POSTGRES";

    /// <summary>Endpoint URL of an S3-compatible server (s3rver), e.g. http://127.0.0.1:4568.</summary>
    public const string S3Variable = "NEUROLAKE_TEST_S3";

    /// <summary>Access key for <see cref="S3Variable"/>.</summary>
    public const string S3AccessKeyVariable = "NEUROLAKE_TEST_S3_ACCESS_KEY";

    /// <summary>Secret key for <see cref="S3Variable"/>.</summary>
    public const string S3SecretKeyVariable = "NEUROLAKE_TEST_S3_SECRET_KEY";

    /// <summary>A bucket that exists when the tests start (optional; tests may create their own).</summary>
    public const string S3BucketVariable = "NEUROLAKE_TEST_S3_BUCKET";

    /// <summary>Path of the Chromium executable Playwright launches.</summary>
    public const string ChromiumVariable = "NEUROLAKE_TEST_CHROMIUM";

    /// <summary>True under CI (<c>CI=true</c>), where a test never skips for a missing server.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PostgresConnectionString => Require(PostgresVariable);

    public static Uri S3ServiceUrl => new(Require(S3Variable));

    public static string S3AccessKey => Require(S3AccessKeyVariable);

    public static string S3SecretKey => Require(S3SecretKeyVariable);

    public static string S3Bucket => Require(S3BucketVariable);

    public static string ChromiumPath => Require(ChromiumVariable);

    /// <summary>The variables among <paramref name="names"/> that are unset or empty.</summary>
    public static IReadOnlyList<string> Missing(params string[] names) =>
        names.Where(name => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name))).ToArray();

    private static string Require(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? throw NotSet(name) : value;
    }

    private static InvalidOperationException NotSet(string name) =>
        new($"{name} is not set: run the tests through scripts/test.sh");
}
