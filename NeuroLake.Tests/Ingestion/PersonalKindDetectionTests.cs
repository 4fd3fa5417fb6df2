using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

/// <summary>The kinds beyond the pattern types, found in a DuckDB table from its sample, each with a reason.</summary>
public sealed class PersonalKindDetectionTests : IDisposable
{
    private readonly InMemoryDuckDb _db = new();

    private void CreatePatients()
    {
        _db.Connection.Execute("""
            CREATE TABLE patients AS SELECT
                (range % 200 + 1)::VARCHAR || ' ' || ['Baker Street', 'Main St', 'Elm Avenue', 'Church Rd'][range % 4 + 1] || ', London' AS home,
                ['Hauptstraße ', 'Calle Mayor, ', 'Via Roma '][range % 3 + 1] || (range % 90 + 1)::VARCHAR AS anschrift,
                48.1 + (range % 97) * 0.0137 AS latitude,
                11.5 + (range % 89) * 0.0211 AS longitude,
                (range % 40) * 1.25 AS x,
                (range % 30) * 1.75 AS y,
                (18 + range % 70)::INTEGER AS age,
                (range % 101)::INTEGER AS score,
                DATE '2001-01-01' + (range * 37)::INTEGER AS date_of_death,
                ['AB123456C', 'CE654321A', 'JG112233B', 'TW998877D'][range % 4 + 1] AS nino,
                ['C01X00T47', 'K1234567', '123456789', 'XY7654321'][range % 4 + 1] AS passport_no,
                ['AB12345', 'CD67890', 'EF13579', 'GH24680'][range % 4 + 1] AS product_code,
                ['Christian', 'Muslim', 'Jewish', 'Hindu', 'Buddhist', 'No religion'][range % 6 + 1] AS col_7,
                ['Electronics', 'Books', 'Toys', 'Garden'][range % 4 + 1] AS category,
                CASE WHEN range % 3 = 0 THEN 'Yes' ELSE 'No' END AS union_member,
                'POINT(' || (13.1 + (range % 50) * 0.0123)::VARCHAR || ' ' || (52.3 + (range % 40) * 0.0071)::VARCHAR || ')' AS geom
            FROM range(240)
            """);
    }

    [Fact]
    public void Each_new_kind_is_found_with_a_reason_and_look_alikes_are_left_alone()
    {
        CreatePatients();
        var findings = PiiDetector.Detect(_db.Connection, "patients").ToDictionary(f => f.Column);

        var expected = new Dictionary<string, SemanticType>
        {
            ["home"] = SemanticType.StreetAddress, ["anschrift"] = SemanticType.StreetAddress,
            ["latitude"] = SemanticType.Geolocation, ["longitude"] = SemanticType.Geolocation, ["geom"] = SemanticType.Geolocation,
            ["age"] = SemanticType.Age, ["date_of_death"] = SemanticType.DateOfDeath, ["nino"] = SemanticType.NationalId,
            ["passport_no"] = SemanticType.PassportNumber, ["col_7"] = SemanticType.Religion, ["union_member"] = SemanticType.TradeUnionMembership,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), findings.Select(f => KeyValuePair.Create(f.Key, f.Value.Type)).OrderBy(e => e.Key));
        Assert.All(findings.Values, f => Assert.InRange(f.Confidence, 0.6, 1.0));
        Assert.Contains("paired with longitude", findings["latitude"].Evidence);
        Assert.Contains("UK National Insurance number", findings["nino"].Evidence);
        Assert.Equal("date_of_death", findings["date_of_death"].SemanticName);
        Assert.False(findings["col_7"].NameHint);
    }

    [Fact]
    public void A_latitude_without_a_longitude_or_coordinates_out_of_range_are_not_geolocation()
    {
        _db.Connection.Execute("""
            CREATE TABLE readings AS SELECT 48.1 + (range % 97) * 0.0137 AS lat, 100 + range * 1.37 AS temperature,
                   95.5 + range * 0.25 AS lat2, 200.25 + range * 0.5 AS lon2 FROM range(100)
            """);
        Assert.Empty(PiiDetector.Detect(_db.Connection, "readings"));
    }

    [Fact]
    public void An_age_named_column_beyond_human_ages_is_not_an_age()
    {
        _db.Connection.Execute("CREATE TABLE ages AS SELECT (range * 13)::INTEGER AS age, (range % 19)::INTEGER AS age_rating FROM range(100)");
        Assert.Empty(PiiDetector.Detect(_db.Connection, "ages"));
    }

    public void Dispose() => _db.Dispose();
}
