using NeuroLake.Engine.DuckDb;
using NeuroLake.Web.Api;

namespace NeuroLake.Tests.Web.Sql;

public sealed class ResultValueTextTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { null, "NULL" },
        { "text", "text" },
        { true, "true" },
        { 42L, "42" },
        { 1.25m, "1.25" },
        { 0.1, "0.1" },
        { double.NaN, "NaN" },
        { double.NegativeInfinity, "-Infinity" },
        { 1.5f, "1.5" },
        { new DateOnly(2024, 2, 29), "2024-02-29" },
        { new TimeOnly(13, 45, 0), "13:45:00" },
        { new TimeOnly(13, 45, 0, 250), "13:45:00.25" },
        { new DateTime(2024, 2, 29, 13, 45, 0), "2024-02-29T13:45:00" },
        { new DateTimeOffset(2024, 2, 29, 13, 45, 0, 500, TimeSpan.Zero), "2024-02-29T13:45:00.5+00:00" },
        { new DuckDbTimeTz(new TimeOnly(8, 0), TimeSpan.FromHours(-5.5)), "08:00:00-05:30" },
        { new DuckDbInterval(14, 3, 3_723_500_000), "P1Y2M3DT1H2M3.5S" },
        { new DuckDbInterval(-1, 0, 0), "P-1M" },
        { new DuckDbInterval(0, 0, 0), "PT0S" },
        { Int128.MaxValue, "170141183460469231731687303715884105727" },
        { new DuckDbDecimal(-12340, 10, 3), "-12.340" },
        { new byte[] { 1, 2, 255 }, "AQL/" },
        { Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), "6f9619ff-8b86-d011-b42d-00cf4fc964ff" },
        { new List<object?> { 1, null, "a+b" }, """[1,null,"a+b"]""" },
        { new Dictionary<string, object?> { ["x"] = 1, ["y"] = new List<object?> { 2.5 } }, """{"x":1,"y":[2.5]}""" },
        { new Dictionary<object, object?> { [1] = "one", [new DateOnly(2024, 1, 2)] = null }, """{"1":"one","2024-01-02":null}""" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_format_the_same_on_every_culture(object? value, string expected)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Assert.Equal(expected, ResultValueText.Format(value));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
