using NeuroLake.Engine.Governance;
using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Governance;

/// <summary>Every semantic type has a stored name, a readable name and a mask; the masks of the newer kinds keep only what they promise.</summary>
public sealed class PiiMaskKindsTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();

    private string? Masked(string piiType, string sqlValue) =>
        _db.Connection.ExecuteScalar($"SELECT {PiiMasks.Expression("v", piiType)} FROM (SELECT {sqlValue} AS v)") as string;

    [Fact]
    public void Every_semantic_type_round_trips_by_its_stored_name_and_has_a_readable_name_and_a_mask()
    {
        foreach (var type in Enum.GetValues<SemanticType>())
        {
            var stored = SemanticTypeNames.Stored(type);
            Assert.True(SemanticTypeNames.TryParse(stored.ToUpperInvariant(), out var parsed), stored);
            Assert.Equal(type, parsed);
            Assert.False(string.IsNullOrWhiteSpace(SemanticTypeNames.Readable(type)));
            Assert.False(string.IsNullOrWhiteSpace(PiiMasks.Describe(stored)));
            Assert.NotNull(Masked(stored, "'x'"));
        }
        Assert.False(SemanticTypeNames.TryParse("shoe_size", out _));
    }

    [Theory]
    [InlineData("age", "47", "40-49")]
    [InlineData("age", "7", "0-9")]
    [InlineData("age", "'thirty'", "[redacted]")]
    [InlineData("geolocation", "52.520008", "52.5")]
    [InlineData("geolocation", "-0.127758", "-0.1")]
    [InlineData("geolocation", "'POINT(13.404954 52.520008)'", "POINT(13.4 52.5)")]
    [InlineData("national_id", "'AB 12 34 56 C'", "***6C")]
    [InlineData("passport_number", "'C01X00T47'", "***47")]
    [InlineData("date_of_death", "DATE '2019-03-04'", "2019")]
    [InlineData("street_address", "'221B Baker Street, London'", "[street redacted], London")]
    [InlineData("street_address", "'Calle Mayor, 10'", "[redacted]")]
    [InlineData("religion", "'Buddhist'", "[redacted]")]
    [InlineData("health", "'E11.9'", "[redacted]")]
    public void The_newer_kinds_are_masked_as_described(string piiType, string sqlValue, string expected) =>
        Assert.Equal(expected, Masked(piiType, sqlValue));

    [Fact]
    public void Null_stays_null_under_every_mask()
    {
        foreach (var type in Enum.GetValues<SemanticType>())
        {
            Assert.Null(Masked(SemanticTypeNames.Stored(type), "NULL::VARCHAR"));
        }
    }

    public void Dispose() => _db.Dispose();
}
