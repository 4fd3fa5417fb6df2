using NeuroLake.Engine.Storage.S3;

namespace NeuroLake.Tests.Storage;

public sealed class S3LocationTests
{
    [Theory]
    [InlineData("s3://neurolake", "neurolake", "", "s3://neurolake")]
    [InlineData("s3://neurolake/", "neurolake", "", "s3://neurolake")]
    [InlineData("S3://neurolake/warehouse/", "neurolake", "warehouse", "s3://neurolake/warehouse")]
    [InlineData("s3://my.bucket-1/warehouse/main/sales", "my.bucket-1", "warehouse/main/sales", "s3://my.bucket-1/warehouse/main/sales")]
    public void A_valid_location_parses_into_bucket_and_prefix(string text, string bucket, string prefix, string normalized)
    {
        var location = S3Location.Parse(text);

        Assert.Equal(bucket, location.Bucket);
        Assert.Equal(prefix, location.Prefix);
        Assert.Equal(normalized, location.ToString());
    }

    [Theory]
    [InlineData("/data/warehouse", "must start with s3://")]
    [InlineData("s3:/neurolake/x", "must start with s3://")]
    [InlineData("s3://", "names no bucket")]
    [InlineData("s3:///warehouse", "names no bucket")]
    [InlineData("s3://ab/x", "3 to 63 characters")]
    [InlineData("s3://NeuroLake/x", "only lowercase letters")]
    [InlineData("s3://neurolake_data/x", "only lowercase letters")]
    [InlineData("s3://-neurolake/x", "start and end with a letter or digit")]
    [InlineData("s3://neurolake//x", "empty segment")]
    [InlineData("s3://neurolake/a/../b", "'.' or '..'")]
    [InlineData("s3://neurolake/a\\b", "backslashes")]
    public void A_bad_location_is_refused_with_a_message_naming_the_problem_and_the_form(string text, string problem)
    {
        var e = Assert.Throws<InvalidS3LocationException>(() => S3Location.Parse(text));

        Assert.Contains(problem, e.Message);
        Assert.Contains("s3://bucket/prefix", e.Message);
        Assert.Equal(text, e.Location);
    }

    [Fact]
    public void Keys_and_children_are_placed_below_the_prefix()
    {
        var warehouse = S3Location.Parse("s3://neurolake/warehouse");
        var root = S3Location.Parse("s3://neurolake");

        Assert.Equal("warehouse/_delta_log/00000000000000000000.json", warehouse.ObjectKey("_delta_log/00000000000000000000.json"));
        Assert.Equal("x.json", root.ObjectKey("x.json"));
        Assert.Equal("s3://neurolake/warehouse/main/sales/orders", warehouse.Child("main/sales/orders/").ToString());
        Assert.Equal("s3://neurolake/main", root.Child("/main").ToString());
        Assert.Throws<InvalidS3LocationException>(() => warehouse.Child("../escape"));
    }
}
