using System.Globalization;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>Street addresses, coordinates, ages, dates of death and passport numbers as real files write them, and values that only look like them.</summary>
internal sealed class PersonalDataValues(Random random)
{
    private static readonly string[] EnglishNames = ["Baker", "Main", "Elm", "Oak", "Maple", "Church", "High", "Station", "Park", "Victoria", "Mill", "King"];
    private static readonly string[] EnglishWords = ["Street", "St", "St.", "Avenue", "Ave", "Road", "Rd", "Blvd", "Lane", "Drive", "Court", "Way", "Place", "Terrace"];
    private static readonly string[] Cities = ["London", "Berlin", "Paris", "Madrid", "Roma", "Amsterdam", "Springfield", "Boston", "Lyon", "Wien"];
    private static readonly string[] GermanStems = ["Haupt", "Bahnhof", "Schiller", "Goethe", "Linden", "Berg", "Garten", "Kirch", "Dorf", "Schul"];
    private static readonly string[] GermanEndings = ["straße", "strasse", "str.", "weg", "gasse", "platz", "allee"];
    private static readonly string[] Saints = ["de la Paix", "Victor Hugo", "du Commerce", "des Lilas", "Mayor", "Real", "Roma", "Garibaldi", "da Liberdade", "Dluga"];
    private static readonly string[] Leading = ["rue", "Rue", "Avenue", "Calle", "Via", "Viale", "Av.", "Rua", "Piazza", "ul.", "Paseo", "Carrer"];

    public T Pick<T>(T[] items) => items[random.Next(items.Length)];

    public string Address() => random.Next(7) switch
    {
        0 => $"{HouseNumber()} {Pick(EnglishNames)} {Pick(EnglishWords)}",
        1 => $"{random.Next(1, 9999)} {Pick(EnglishNames)} {Pick(EnglishWords)} {Pick(["NW", "SE", "N", "Apt 4"])}, {Pick(Cities)}, {random.Next(10000, 99999)}",
        2 => $"{Pick(GermanStems)}{Pick(GermanEndings)} {HouseNumber()}, {random.Next(10000, 99999)} {Pick(Cities)}",
        3 => $"{random.Next(1, 200)} {Pick(["rue", "avenue", "boulevard", "impasse"])} {Pick(Saints)}, {random.Next(10000, 95999)} {Pick(Cities)}",
        4 => $"{Pick(Leading)} {Pick(Saints)}{(random.Next(2) == 0 ? "," : "")} {random.Next(1, 300)}",
        5 => $"{Pick(["Kerk", "Dorps", "Molen", "Prinsen"])}{Pick(["straat", "laan", "gracht", "weg"])} {random.Next(1, 300)}, {random.Next(1000, 9999)} {Pick(["AB", "GC", "XK"])} {Pick(Cities)}",
        _ => $"{Pick(["Stor", "Kungs", "Drottning", "Vester"])}{Pick(["gatan", "vägen", "gade", "vej"])} {random.Next(1, 120)}",
    };

    public string NotAddress() => random.Next(9) switch
    {
        0 => $"Street Fighter {random.Next(2, 7)}",
        1 => $"Route {random.Next(1, 99)}",
        2 => $"Room {random.Next(100, 999)}",
        3 => $"{Pick(EnglishNames)} {Pick(EnglishWords)}",
        4 => $"Platform {random.Next(1, 20)}",
        5 => $"{Pick(Cities)}",
        6 => $"Building {random.Next(1, 40)}, Floor {random.Next(1, 9)}",
        7 => $"{random.Next(2, 40)} items",
        _ => $"Gate {random.Next(1, 60)}",
    };

    public (string Latitude, string Longitude) LatLon(bool asDouble)
    {
        var latitude = random.NextDouble() * 150 - 60;
        var longitude = random.NextDouble() * 340 - 170;
        var decimals = asDouble ? 6 : random.Next(4, 7);
        return (latitude.ToString("F" + decimals, CultureInfo.InvariantCulture), longitude.ToString("F" + decimals, CultureInfo.InvariantCulture));
    }

    public string Point()
    {
        var (lat, lon) = LatLon(asDouble: false);
        return random.Next(3) switch
        {
            0 => $"POINT({lon} {lat})",
            1 => $"{lat},{lon}",
            _ => $"{lat}, {lon}",
        };
    }

    /// <summary>Pixel or screen positions, sizes and ratios: pairs of numbers, but not places.</summary>
    public string NotPoint() => random.Next(4) switch
    {
        0 => $"{random.Next(0, 1920)},{random.Next(0, 1080)}",
        1 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 300)}.{random.Next(10)},{random.Next(1, 300)}.{random.Next(10)}"),
        2 => $"POINT({random.Next(0, 1024)} {random.Next(0, 768)})",
        _ => $"{random.Next(1, 5)}.{random.Next(0, 20)}.{random.Next(0, 40)}",
    };

    /// <summary>Numbers in coordinate ranges with decimals, such as screen positions or temperatures.</summary>
    public string SmallDecimal() => (random.NextDouble() * 120 - 40).ToString("F3", CultureInfo.InvariantCulture);

    public string Metres() => (random.NextDouble() * 5_000_000 + 200).ToString("F2", CultureInfo.InvariantCulture);

    public string WholeDegrees(int limit) => random.Next(-limit, limit + 1).ToString(CultureInfo.InvariantCulture);

    public string Age() => random.Next(12) switch
    {
        0 => random.Next(1, 10) * 10 is var low ? $"{low}-{low + 9}" : "",
        1 => $"{random.Next(0, 100)}.0",
        _ => random.Next(0, 100).ToString(CultureInfo.InvariantCulture),
    };

    public string Score() => random.Next(0, 101).ToString(CultureInfo.InvariantCulture);

    public string LargeCount() => random.Next(0, 5000).ToString(CultureInfo.InvariantCulture);

    public string AgeRating() => Pick(["0", "6", "12", "16", "18", "3", "7"]);

    public string PastDate(int maxYears)
    {
        var date = new DateOnly(2026, 11, 1).AddDays(-random.Next(1, maxYears * 365));
        return random.Next(4) == 0 ? $"{date:yyyy-MM-dd} {random.Next(24):00}:{random.Next(60):00}:00" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public string Passport() => random.Next(5) switch
    {
        0 => $"C{Alnum(8)}",
        1 => random.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture),
        2 => $"{random.Next(10, 99)}{Upper(2)}{random.Next(10000, 99999)}",
        3 => $"{Upper(1)}{random.Next(1000000, 9999999)}",
        _ => $"{Upper(2)}{random.Next(1000000, 9999999)}",
    };

    /// <summary>Product and part codes: short letters and digits too, but not under a passport name.</summary>
    public string ProductCode() => random.Next(3) switch
    {
        0 => $"{Upper(2)}{random.Next(1000, 99999)}",
        1 => $"SKU{random.Next(10000, 999999)}",
        _ => Alnum(8),
    };

    public string CountryCode() => Pick(["DE", "FR", "GB", "US", "ES", "IT", "NL", "SE", "IN"]);

    private string HouseNumber() => random.Next(5) == 0 ? $"{random.Next(1, 300)}{"abAB"[random.Next(4)]}" : random.Next(1, 300).ToString(CultureInfo.InvariantCulture);

    private string Upper(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('A' + random.Next(26))));

    private string Alnum(int count) => string.Concat(Enumerable.Range(0, count).Select(i => i % 3 == 1 ? (char)('0' + random.Next(10)) : "ABCDEFGHJKLMNPRTVWXYZ0123456789"[random.Next(31)]));
}
