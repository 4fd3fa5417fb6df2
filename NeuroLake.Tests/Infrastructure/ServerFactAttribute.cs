namespace NeuroLake.Tests.Infrastructure;

/// <summary>
/// A fact that needs a server scripts/test.sh starts. Outside CI it skips when the server's
/// variables are missing, so <c>dotnet test</c> works on a bare machine; under <c>CI=true</c>
/// it runs regardless and fails with <see cref="TestEnvironment"/>'s message naming the fix.
/// </summary>
public abstract class ServerFactAttribute : FactAttribute
{
    protected ServerFactAttribute(params string[] variables)
    {
        var missing = TestEnvironment.Missing(variables);
        if (missing.Count > 0 && !TestEnvironment.IsCi)
        {
            Skip = $"{string.Join(", ", missing)} not set: run the tests through scripts/test.sh";
        }
    }
}

/// <summary>A fact that needs the PostgreSQL server (<c>NEUROLAKE_TEST_POSTGRES</c>).</summary>
public sealed class PostgresFactAttribute : ServerFactAttribute
{
    public PostgresFactAttribute()
        : base(TestEnvironment.PostgresVariable)
    {
    }
}

/// <summary>A fact that needs the S3 server (<c>NEUROLAKE_TEST_S3</c> and its keys).</summary>
public sealed class S3FactAttribute : ServerFactAttribute
{
    public S3FactAttribute()
        : base(TestEnvironment.S3Variable, TestEnvironment.S3AccessKeyVariable, TestEnvironment.S3SecretKeyVariable)
    {
    }
}

/// <summary>A fact that drives Chromium (<c>NEUROLAKE_TEST_CHROMIUM</c>).</summary>
public sealed class ChromiumFactAttribute : ServerFactAttribute
{
    public ChromiumFactAttribute()
        : base(TestEnvironment.ChromiumVariable)
    {
    }
}
