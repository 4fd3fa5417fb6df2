using NeuroLake.Engine.Ingestion.Pii;

namespace NeuroLake.Tests.Ingestion.PiiEvaluation;

/// <summary>
/// Labelled columns for the kinds beyond the pattern types. Kinds found by their values get positives under neutral
/// and telling names; kinds that need a name (age, date of death, passport) always carry one, and their look-alikes
/// include names that nearly say it (age_rating, death_toll, passport_country). Coordinates come as latitude/longitude
/// pairs in one table and as single point columns.
/// </summary>
internal sealed class PersonalKindColumns(Random random, Func<Func<string>, int, List<string>> column)
{
    public static readonly Dictionary<SemanticType, string[]> Hints = new()
    {
        [SemanticType.StreetAddress] = ["address", "street_address", "addr_line1", "Adresse", "home_address", "billing_address", "street"],
        [SemanticType.Geolocation] = ["location", "coordinates", "geom", "position"],
        [SemanticType.Age] = ["age", "Age", "patient_age", "age_years", "customer_age", "age_at_diagnosis", "AgeGroup"],
        [SemanticType.DateOfDeath] = ["date_of_death", "dod", "death_date", "died_on", "deceased_date", "DateOfDeath"],
        [SemanticType.NationalId] = ["national_id", "nino", "bsn", "dni", "codice_fiscale", "personnummer", "steuer_id", "aadhaar", "tax_id", "nir"],
        [SemanticType.PassportNumber] = ["passport", "passport_no", "PassportNumber", "passport_id", "reisepass_nr", "numero_passeport"],
        [SemanticType.Ethnicity] = SpecialCategoryAnswers.Names[SemanticType.Ethnicity],
        [SemanticType.Religion] = SpecialCategoryAnswers.Names[SemanticType.Religion],
        [SemanticType.Health] = SpecialCategoryAnswers.Names[SemanticType.Health],
        [SemanticType.SexualOrientation] = SpecialCategoryAnswers.Names[SemanticType.SexualOrientation],
        [SemanticType.PoliticalOpinion] = SpecialCategoryAnswers.Names[SemanticType.PoliticalOpinion],
        [SemanticType.TradeUnionMembership] = SpecialCategoryAnswers.Names[SemanticType.TradeUnionMembership],
    };

    private static readonly (string Latitude, string Longitude)[] PairNames =
    [
        ("lat", "lon"), ("latitude", "longitude"), ("pickup_lat", "pickup_lng"), ("Latitude", "Longitude"), ("geo_lat", "geo_long"),
        ("decimalLatitude", "decimalLongitude"), ("home_lat", "home_lon"),
    ];

    private readonly PersonalDataValues _values = new(random);
    private readonly NationalIdValues _ids = new(random);
    private readonly SpecialCategoryAnswers _answers = new(random);
    private int _table;

    public void AddTo(List<LabelledColumn> columns, string[] neutral, int positives, int lookAlikes)
    {
        string Neutral(int i) => $"{_values.Pick(neutral)}_{i}";
        void Add(string name, Func<string> value, SemanticType? truth, string @case, int junk = 0, string type = "VARCHAR") =>
            columns.Add(new LabelledColumn(name, column(value, junk), truth, @case, null, type));

        for (var i = 0; i < positives; i++)
        {
            var hinted = i % 3 == 0;
            var junk = i % 4 == 1 ? random.Next(1, 4) : 0;
            Add(hinted ? _values.Pick(Hints[SemanticType.StreetAddress]) : Neutral(i), _values.Address, SemanticType.StreetAddress, "positive", junk);
            Add(_values.Pick(Hints[SemanticType.Age]), i % 2 == 0 ? _values.Score : _values.Age, SemanticType.Age, "positive, named", i % 2 == 0 ? 0 : junk, i % 2 == 0 ? "INTEGER" : "VARCHAR");
            Add(_values.Pick(Hints[SemanticType.DateOfDeath]), () => _values.PastDate(90), SemanticType.DateOfDeath, "positive, named", junk);
            Add(hinted ? _values.Pick(Hints[SemanticType.NationalId]) : Neutral(i), () => _ids.Valid(i), SemanticType.NationalId, $"positive, scheme {i % NationalIdValues.Schemes}", junk);
            Add(_values.Pick(Hints[SemanticType.PassportNumber]), _values.Passport, SemanticType.PassportNumber, "positive, named", junk);
            foreach (var special in SpecialCategoryAnswers.Names.Keys)
            {
                Add(hinted ? _values.Pick(Hints[special]) : Neutral(i), hinted ? () => _answers.CodedAnswer(special) : () => _answers.Answer(special), special, "positive", junk);
            }
            if (i % 3 == 2)
            {
                Add(hinted ? _values.Pick(Hints[SemanticType.Geolocation]) : Neutral(i), _values.Point, SemanticType.Geolocation, "positive, point", junk);
            }
            else
            {
                AddPair(columns, _values.Pick(PairNames), SemanticType.Geolocation, "positive, pair", i % 2 == 0, () => _values.LatLon(asDouble: i % 2 == 0));
            }
        }

        for (var i = 0; i < lookAlikes; i++)
        {
            Add(Neutral(i), _values.NotAddress, null, "look-alike of StreetAddress");
            Add(i % 2 == 0 ? Neutral(i) : _values.Pick(["score", "rating", "quantity", "page", "stage", "level"]), _values.Score, null, "look-alike of Age", 0, "INTEGER");
            Add(_values.Pick(["age_rating", "min_age", "account_age_days", "max_age"]), i % 2 == 0 ? _values.AgeRating : _values.LargeCount, null, "look-alike of Age, named", 0, "INTEGER");
            Add(_values.Pick(["due_date", "ship_date", "deadline", "created_at"]), () => _values.PastDate(20), null, "look-alike of DateOfDeath");
            Add(_values.Pick(["death_toll", "death_count", "deaths"]), _values.LargeCount, null, "look-alike of DateOfDeath, named", 0, "INTEGER");
            Add(i % 3 == 0 ? _values.Pick(Hints[SemanticType.NationalId]) : Neutral(i), () => _ids.Invalid(i), null, $"look-alike of NationalId, scheme {i % NationalIdValues.Schemes}");
            Add(_values.Pick(["product_code", "sku", "part_no", "voucher", "booking_ref"]), _values.ProductCode, null, "look-alike of PassportNumber");
            Add(_values.Pick(["passport_country", "passport_issuing_country"]), _values.CountryCode, null, "look-alike of PassportNumber, named");
            Add(SpecialCategoryAnswers.LookAlikeNames[i % 7], _answers.LookAlike(i), null, "look-alike of a special category");
            Add(Neutral(i), _values.NotPoint, null, "look-alike of Geolocation, point");
            if (i % 2 == 0)
            {
                AddPair(columns, _values.Pick<(string, string)>([("x", "y"), ("pos_x", "pos_y"), ("temp_min", "temp_max"), ("width", "height")]), null, "look-alike of Geolocation, pair", false,
                    () => (_values.SmallDecimal(), _values.SmallDecimal()));
            }
            else if (i % 4 == 1)
            {
                AddPair(columns, _values.Pick(PairNames), null, "look-alike of Geolocation, whole degrees", false, () => (_values.WholeDegrees(90), _values.WholeDegrees(180)));
            }
            else
            {
                // Projected metres (UTM, British National Grid) under lat/lon names: outside any degree range.
                AddPair(columns, _values.Pick(PairNames), null, "look-alike of Geolocation, projected metres", true, () => (_values.Metres(), _values.Metres()));
            }
        }
    }

    private void AddPair(List<LabelledColumn> columns, (string Latitude, string Longitude) names, SemanticType? truth, string @case, bool asDouble, Func<(string, string)> pair)
    {
        var rows = Enumerable.Range(0, random.Next(25, 60)).Select(_ => pair()).ToList();
        var table = _table++;
        var type = asDouble ? "DOUBLE" : "VARCHAR";
        columns.Add(new LabelledColumn(names.Latitude, rows.Select(r => r.Item1).ToList(), truth, @case, table, type));
        columns.Add(new LabelledColumn(names.Longitude, rows.Select(r => r.Item2).ToList(), truth, @case, table, type));
    }
}
