using NeuroLake.Engine.Ingestion.Pii;
using NeuroLake.Tests.DuckDb;

namespace NeuroLake.Tests.Ingestion;

public sealed class PiiDetectorTests : IDisposable
{
    private const int Rows = 300;
    private readonly InMemoryDuckDb _db = new();

    private static readonly string[] Cards =
    [
        "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "4012888888881881",
        "3530111333300000", "5105105105105100", "371449635398431", "6011000990139424", "2223003122003222",
    ];

    private static readonly string[] Ibans =
    [
        "DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300",
        "BE68539007547034", "CH9300762011623852957",
    ];

    private static readonly string[] FirstNames = ["Ann", "Bob", "Chloé", "Dmitri", "Eve", "Farah", "Gus", "Hana"];

    private static readonly string[] LastNames = ["Lee", "O'Brien", "Smith-Jones", "Nguyen", "García", "Kowalski"];

    /// <summary>A 16-digit order number starting with 9 whose last digit makes it pass Luhn.</summary>
    private static string LuhnOrderNumber(int i)
    {
        var body = "90" + (1_000_000_000_000L + i * 7919L).ToString();
        for (var check = 0; check <= 9; check++)
        {
            if (PaymentCard.Luhn(body + check))
            {
                return body + check;
            }
        }
        throw new InvalidOperationException();
    }

    private void CreateCustomers()
    {
        _db.Connection.Execute("""
            CREATE TABLE customers (
                customer_id BIGINT, first_name VARCHAR, last_name VARCHAR, email VARCHAR, contact VARCHAR, phone VARCHAR,
                card VARCHAR, iban VARCHAR, ssn VARCHAR, client_ip VARCHAR, host_v6 VARCHAR, device_mac VARCHAR,
                date_of_birth DATE, zip_code VARCHAR, notes VARCHAR,
                email_verified BOOLEAN, academic_year VARCHAR, zip_count INTEGER, version VARCHAR, release_tag VARCHAR,
                order_number VARCHAR, product_name VARCHAR, file_name VARCHAR, status VARCHAR, amount DOUBLE,
                warehouse_code INTEGER, account_number BIGINT, description VARCHAR)
            """);
        using var appender = _db.Connection.CreateAppender(null, "customers");
        for (var i = 0; i < Rows; i++)
        {
            appender.AppendRow(
                (long)i,
                FirstNames[i % FirstNames.Length],
                LastNames[i % LastNames.Length],
                $"user{i}@example.com",
                $"person.{i}@mail.example.org",
                $"+1 415 555 {i % 10000:D4}",
                Cards[i % Cards.Length],
                Ibans[i % Ibans.Length],
                $"{100 + i % 500:D3}-{1 + i % 98:D2}-{1000 + i:D4}",
                $"192.168.{i % 256}.{(i * 7) % 256}",
                $"2001:db8::{i:x}",
                $"00:1a:2b:{i % 256:x2}:{(i * 3) % 256:x2}:{(i * 5) % 256:x2}",
                new DateOnly(1950, 1, 1).AddDays(i * 37),
                $"{(i * 37) % 99999:D5}",
                i % 3 == 0 ? $"Customer called from +1 415 555 {i:D4} about the delivery" : i % 3 == 1 ? $"Please write to buyer{i}@example.net when it ships" : "Left at the front door, no issues",
                i % 2 == 0,
                $"{2010 + i % 10}-{2011 + i % 10}",
                i % 50,
                $"1.{i % 5}.{i % 20}.{i % 30}",
                $"{i % 4}.{i % 9}.{i % 17}.{i % 31}",
                LuhnOrderNumber(i),
                $"Widget {i}",
                $"report_{i}.csv",
                i % 2 == 0 ? "active" : "inactive",
                i * 1.5,
                10_000 + i,
                100_000_000L + i * 7919L,
                $"Version 1.2.{i % 10}.4 of the catalogue, page {i}");
        }
    }

    [Fact]
    public void Known_pii_columns_are_found_with_their_type_and_high_confidence()
    {
        CreateCustomers();
        var findings = PiiDetector.Detect(_db.Connection, "customers").ToDictionary(f => f.Column);
        var expected = new Dictionary<string, SemanticType>
        {
            ["first_name"] = SemanticType.PersonName, ["last_name"] = SemanticType.PersonName,
            ["email"] = SemanticType.Email, ["contact"] = SemanticType.Email, ["phone"] = SemanticType.Phone,
            ["card"] = SemanticType.CreditCard, ["iban"] = SemanticType.Iban, ["ssn"] = SemanticType.Ssn,
            ["client_ip"] = SemanticType.IpAddress, ["host_v6"] = SemanticType.IpAddress, ["device_mac"] = SemanticType.MacAddress,
            ["date_of_birth"] = SemanticType.DateOfBirth, ["zip_code"] = SemanticType.PostalCode, ["notes"] = SemanticType.FreeTextWithPii,
        };
        foreach (var (column, type) in expected)
        {
            Assert.True(findings.TryGetValue(column, out var finding), $"{column} was not flagged");
            Assert.Equal(type, finding!.Type);
            Assert.True(finding.Confidence >= 0.6, $"{column}: {finding.Confidence}");
        }
        Assert.True(findings["email"].NameHint);
        Assert.False(findings["contact"].NameHint);
        Assert.Equal(1.0, findings["email"].MatchShare);
        Assert.Equal([SemanticType.Email, SemanticType.Phone], findings["notes"].ContainedTypes);
        Assert.Equal("free_text_with_pii", findings["notes"].SemanticName);
        Assert.Equal("credit_card", findings["card"].SemanticName);
    }

    [Fact]
    public void Look_alikes_and_low_cardinality_columns_are_not_flagged()
    {
        CreateCustomers();
        var flagged = PiiDetector.Detect(_db.Connection, "customers").Select(f => f.Column).ToHashSet();
        string[] negatives =
        [
            "customer_id", "email_verified", "academic_year", "zip_count", "version", "release_tag", "order_number",
            "product_name", "file_name", "status", "amount", "warehouse_code", "account_number", "description",
        ];
        Assert.Equal([], negatives.Where(flagged.Contains).ToArray());
    }

    [Fact]
    public void Name_hints_alone_do_not_flag_values_that_do_not_validate()
    {
        _db.Connection.Execute("""
            CREATE TABLE hints AS SELECT 'n/a ' || range AS email, 'x' || range AS phone, range::VARCHAR AS ip_address,
                   'Widget ' || range AS customer_name FROM range(100)
            """);
        Assert.Empty(PiiDetector.Detect(_db.Connection, "hints"));
    }

    [Fact]
    public void Ip_named_columns_accept_small_octets_that_unnamed_columns_do_not()
    {
        _db.Connection.Execute("CREATE TABLE hosts AS SELECT '10.' || (range % 5) || '.1.' || (range % 30) AS server_ip, '10.' || (range % 5) || '.1.' || (range % 30) AS build FROM range(60)");
        var findings = PiiDetector.Detect(_db.Connection, "hosts");
        var finding = Assert.Single(findings);
        Assert.Equal(("server_ip", SemanticType.IpAddress), (finding.Column, finding.Type));
    }

    [Fact]
    public async Task Messy_files_flag_only_the_zip_code_column_and_the_coordinate_pairs()
    {
        var flagged = new List<string>();
        foreach (var file in new[] { "airports.csv", "birdstrikes.csv", "zipcodes.csv", "stocks.csv", "movies.json", "world-countries.json" })
        {
            var source = await NeuroLake.Engine.Ingestion.Detection.SourceDetector.DetectAsync(_db.Connection, IngestionTestFiles.Messy(file));
            using var sample = NeuroLake.Engine.Ingestion.Schema.SourceSample.Create(_db.Connection, source, rows: 5000);
            var schema = NeuroLake.Engine.Ingestion.Schema.SchemaProposer.Propose(_db.Connection, sample, source);
            var relation = $"({NeuroLake.Engine.Ingestion.Schema.SourceSelect.Build(schema.Columns, sample.TableName)})";
            flagged.AddRange(PiiDetector.Detect(_db.Connection, relation).Select(f => $"{file}:{f.Column}:{f.SemanticName}"));
        }
        // Coordinates are flagged by name and range whatever they locate; the wizard lets the user dismiss an airport's.
        Assert.Equal(
            ["airports.csv:latitude:geolocation", "airports.csv:longitude:geolocation", "zipcodes.csv:zip_code:postal_code",
             "zipcodes.csv:latitude:geolocation", "zipcodes.csv:longitude:geolocation"],
            flagged);
    }

    public void Dispose() => _db.Dispose();
}
