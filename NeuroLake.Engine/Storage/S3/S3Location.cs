using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Storage.S3;

/// <summary>
/// A place in an S3 bucket, written <c>s3://bucket/prefix</c>. The prefix has no leading or trailing '/'
/// (empty for the bucket's root), so keys below it are always <c>prefix/key</c>.
/// </summary>
public sealed record S3Location
{
    private S3Location(string bucket, string prefix)
    {
        Bucket = bucket;
        Prefix = prefix;
    }

    public string Bucket { get; }

    public string Prefix { get; }

    /// <summary>True when <paramref name="location"/> starts with <c>s3://</c> (any case), i.e. names an S3 location rather than a folder.</summary>
    public static bool IsS3(string location) => location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>s3://bucket[/prefix]</c>; anything else throws <see cref="InvalidS3LocationException"/> saying what is wrong.</summary>
    public static S3Location Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!IsS3(location))
        {
            throw new InvalidS3LocationException(location, "it must start with s3://");
        }

        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..].TrimEnd('/');
        CheckBucket(location, bucket);
        if (prefix.StartsWith('/') || prefix.Contains("//", StringComparison.Ordinal))
        {
            throw new InvalidS3LocationException(location, "the prefix has an empty segment ('//')");
        }

        if (prefix.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new InvalidS3LocationException(location, "the prefix may not contain '.' or '..' segments");
        }

        if (prefix.Contains('\\') || prefix.Any(char.IsControl))
        {
            throw new InvalidS3LocationException(location, "the prefix may not contain backslashes or control characters");
        }

        return new S3Location(bucket, prefix);
    }

    /// <summary>The location of <paramref name="relative"/> below this one, e.g. a table folder below the warehouse.</summary>
    public S3Location Child(string relative)
    {
        var trimmed = relative.Trim('/');
        return trimmed.Length == 0 ? this : Parse($"s3://{Bucket}/{(Prefix.Length == 0 ? trimmed : $"{Prefix}/{trimmed}")}");
    }

    /// <summary>The object key of <paramref name="key"/> (relative to this location) in the bucket.</summary>
    public string ObjectKey(string key) => Prefix.Length == 0 ? key : $"{Prefix}/{key}";

    /// <summary>What <see cref="ObjectKey"/> puts in front of every key: the prefix and a '/', or nothing at the root.</summary>
    public string KeyPrefix => Prefix.Length == 0 ? "" : Prefix + "/";

    public override string ToString() => Prefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{Prefix}";

    // S3's bucket naming rules (lowercase letters, digits, '.', '-'; 3 to 63 characters; starts and ends with a letter or digit).
    private static void CheckBucket(string location, string bucket)
    {
        if (bucket.Length == 0)
        {
            throw new InvalidS3LocationException(location, "it names no bucket (write s3://bucket/prefix)");
        }

        if (bucket.Length is < 3 or > 63)
        {
            throw new InvalidS3LocationException(location, $"the bucket name '{bucket}' must have 3 to 63 characters");
        }

        if (!bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-')
            || !char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            throw new InvalidS3LocationException(location, $"the bucket name '{bucket}' may use only lowercase letters, digits, '.' and '-', and must start and end with a letter or digit");
        }
    }
}

/// <summary>A location that should name an S3 place is not a valid <c>s3://bucket/prefix</c> URI.</summary>
public sealed class InvalidS3LocationException(string location, string problem)
    : NeuroLakeException($"'{location}' is not a valid S3 location: {problem}. Write it as s3://bucket/prefix, e.g. s3://neurolake/warehouse.")
{
    public string Location { get; } = location;
}
